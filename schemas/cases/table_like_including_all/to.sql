-- LIKE … INCLUDING ALL copies defaults, checks, comments and indexes under the new table's generated names
CREATE TABLE stamps (
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (created_at <= updated_at)
);
CREATE INDEX stamps_created_idx ON stamps (created_at);
COMMENT ON COLUMN stamps.created_at IS 'creation time';
CREATE TABLE products (id serial PRIMARY KEY, LIKE stamps INCLUDING ALL);
CREATE TABLE orders (id serial PRIMARY KEY, LIKE stamps INCLUDING DEFAULTS);
