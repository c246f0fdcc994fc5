CREATE TYPE permission AS ENUM ('read', 'write');

CREATE TABLE api_tokens (
    id integer PRIMARY KEY,
    token text NOT NULL UNIQUE
);
