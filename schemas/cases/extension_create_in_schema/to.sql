-- an extension is installed into a non-public schema, which must be created first
CREATE SCHEMA extensions;
CREATE EXTENSION pgcrypto WITH SCHEMA extensions;

CREATE TABLE api_keys (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_hash bytea NOT NULL DEFAULT extensions.digest(extensions.gen_random_bytes(32), 'sha256')
);
