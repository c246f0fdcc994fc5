-- a primary key and a unique constraint adopted from indexes built first (ADD CONSTRAINT … USING INDEX)
CREATE TABLE accounts (id bigint NOT NULL, email text NOT NULL);
CREATE UNIQUE INDEX accounts_id_idx ON accounts (id);
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
ALTER TABLE accounts ADD UNIQUE USING INDEX accounts_email_key;
