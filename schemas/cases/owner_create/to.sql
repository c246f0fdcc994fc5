-- new objects are created, then given to their owners; the serial's sequence follows its table
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE ledger (id serial PRIMARY KEY, account_id bigint REFERENCES accounts (id));
ALTER TABLE ledger OWNER TO app_admin;
CREATE FUNCTION ledger_size() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM ledger $$;
ALTER FUNCTION ledger_size() OWNER TO app_admin;
CREATE AGGREGATE total_of(numeric) (SFUNC = numeric_add, STYPE = numeric, INITCOND = '0');
ALTER AGGREGATE total_of(numeric) OWNER TO app_admin;
