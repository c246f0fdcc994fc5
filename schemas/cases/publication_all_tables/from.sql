CREATE TABLE events (id bigint PRIMARY KEY, body text);

CREATE PUBLICATION everything FOR ALL TABLES WITH (publish = 'insert');
