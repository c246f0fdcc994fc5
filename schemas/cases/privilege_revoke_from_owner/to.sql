-- the owner gives up the right to change rows of its own table
CREATE TABLE ledger (id bigint PRIMARY KEY, amount numeric);

REVOKE UPDATE, DELETE, TRUNCATE ON ledger FROM CURRENT_USER;
