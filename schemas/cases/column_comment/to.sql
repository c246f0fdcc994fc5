-- column comments: added on email, changed on name (with quotes), removed on phone
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text,
    name text,
    phone text
);
COMMENT ON COLUMN users.email IS 'Login e-mail; must be verified';
COMMENT ON COLUMN users.name IS 'User''s display name, e.g. ''Ada''';
