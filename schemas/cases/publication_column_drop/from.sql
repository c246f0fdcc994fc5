CREATE TABLE accounts (id bigint PRIMARY KEY, email text, legacy_code text, region text);
CREATE TABLE old_events (id bigint PRIMARY KEY, payload text);

CREATE PUBLICATION accounts_feed FOR TABLE accounts (id, email, legacy_code), old_events;
CREATE PUBLICATION regional FOR TABLE accounts WHERE (region IS NOT NULL) WITH (publish = 'insert');
