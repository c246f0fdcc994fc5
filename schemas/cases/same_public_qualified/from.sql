CREATE TYPE status AS ENUM ('a', 'b');
CREATE SEQUENCE seq;
CREATE TABLE items (
    id integer PRIMARY KEY DEFAULT nextval('seq'),
    status status NOT NULL DEFAULT 'a'
);
CREATE INDEX items_status_idx ON items (status);
COMMENT ON TABLE items IS 'Items';
