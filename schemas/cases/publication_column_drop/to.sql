-- a column in a publication's column list, a column its row filter reads and a published
-- table are dropped: each leaves the publication first (the server refuses to drop such a
-- column, and would take the table out silently, so the rollback could not bring it back)
CREATE TABLE accounts (id bigint PRIMARY KEY, email text);

CREATE PUBLICATION accounts_feed FOR TABLE accounts (id, email);
CREATE PUBLICATION regional FOR TABLE accounts WITH (publish = 'insert');
