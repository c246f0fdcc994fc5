CREATE TABLE users (
    id integer PRIMARY KEY,
    email text,
    name text,
    phone text
);
COMMENT ON COLUMN users.name IS 'Display name';
COMMENT ON COLUMN users.phone IS 'Phone';
