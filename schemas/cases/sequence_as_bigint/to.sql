-- the sequence data type changes from integer to bigint (MAXVALUE follows the type)
CREATE SEQUENCE visit_seq AS bigint;

CREATE TABLE visits (
    id bigint PRIMARY KEY DEFAULT nextval('visit_seq')
);
