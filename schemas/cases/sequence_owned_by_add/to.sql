-- an existing sequence becomes owned by a column with ALTER SEQUENCE ... OWNED BY
CREATE SEQUENCE items_id_seq;

CREATE TABLE items (
    id bigint NOT NULL DEFAULT nextval('items_id_seq') PRIMARY KEY,
    name text
);

ALTER SEQUENCE items_id_seq OWNED BY items.id;
