-- no change: column constraints written as table constraints, and as later ALTER TABLE statements, yield the same schema
CREATE TABLE parents (
    id integer NOT NULL,
    CONSTRAINT parents_pkey PRIMARY KEY (id)
);
CREATE TABLE children (
    id integer NOT NULL,
    parent_id integer NOT NULL,
    code text NOT NULL,
    qty integer,
    PRIMARY KEY (id),
    UNIQUE (code)
);
ALTER TABLE children ADD CONSTRAINT children_parent_id_fkey
    FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE;
ALTER TABLE children ADD CHECK ((qty > 0));
