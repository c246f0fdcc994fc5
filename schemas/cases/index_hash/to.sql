-- an index switches access method btree -> hash under the same name
CREATE TABLE sessions (
    id bigint PRIMARY KEY,
    token text NOT NULL
);
CREATE INDEX sessions_token_idx ON sessions USING hash (token);
