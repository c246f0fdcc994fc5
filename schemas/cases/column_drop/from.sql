CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    legacy_code char(8),
    fax_number text
);
CREATE INDEX users_legacy_code_idx ON users (legacy_code);
