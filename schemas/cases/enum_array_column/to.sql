-- an enum array column with an array default is added, and the enum gains a value
CREATE TYPE permission AS ENUM ('read', 'write', 'admin');

CREATE TABLE api_tokens (
    id integer PRIMARY KEY,
    token text NOT NULL UNIQUE,
    permissions permission[] NOT NULL DEFAULT '{read}'::permission[]
);
