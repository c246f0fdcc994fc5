CREATE SEQUENCE visit_seq AS integer;

CREATE TABLE visits (
    id bigint PRIMARY KEY DEFAULT nextval('visit_seq')
);
