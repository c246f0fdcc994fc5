-- a composite primary key is added (generated name memberships_pkey)
CREATE TABLE memberships (
    user_id integer NOT NULL,
    group_id integer NOT NULL,
    role text NOT NULL DEFAULT 'member',
    PRIMARY KEY (user_id, group_id)
);
