CREATE SEQUENCE shared_id_seq;

CREATE TABLE items (
    id bigint NOT NULL DEFAULT nextval('shared_id_seq') PRIMARY KEY
);

ALTER SEQUENCE shared_id_seq OWNED BY items.id;
