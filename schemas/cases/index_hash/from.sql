CREATE TABLE sessions (
    id bigint PRIMARY KEY,
    token text NOT NULL
);
CREATE INDEX sessions_token_idx ON sessions (token);
