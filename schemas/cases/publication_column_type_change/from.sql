CREATE TABLE readings (id bigint PRIMARY KEY, sensor integer, value integer, note text);

CREATE PUBLICATION sensors FOR TABLE readings (id, sensor) WHERE (id > 0);
CREATE PUBLICATION large FOR TABLE readings WHERE (value > 100) WITH (publish = 'insert');
CREATE PUBLICATION everything_about_readings FOR TABLE readings;
