-- a view whose column changes expression is recreated, and the materialized view reading it
-- with it (dropped first with DROP MATERIALIZED VIEW, created after with its index)
CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL, deleted boolean NOT NULL DEFAULT false);
CREATE VIEW live_accounts AS SELECT id, lower(email) AS email FROM accounts WHERE NOT deleted;
CREATE MATERIALIZED VIEW account_emails AS SELECT email FROM live_accounts;
CREATE UNIQUE INDEX account_emails_email ON account_emails (email);
COMMENT ON MATERIALIZED VIEW account_emails IS 'Mailing list';
