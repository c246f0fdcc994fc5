-- a sequence stops being owned by a column (OWNED BY NONE) and is kept as standalone
CREATE SEQUENCE shared_id_seq;

CREATE TABLE items (
    id bigint NOT NULL DEFAULT nextval('shared_id_seq') PRIMARY KEY
);
