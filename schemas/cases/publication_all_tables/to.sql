-- FOR ALL TABLES cannot be altered away: the publication is dropped and created
CREATE TABLE events (id bigint PRIMARY KEY, body text);

CREATE PUBLICATION everything FOR TABLE events WITH (publish = 'insert');
