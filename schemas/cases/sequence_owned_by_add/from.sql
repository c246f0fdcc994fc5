CREATE SEQUENCE items_id_seq;

CREATE TABLE items (
    id bigint NOT NULL DEFAULT nextval('items_id_seq') PRIMARY KEY,
    name text
);
