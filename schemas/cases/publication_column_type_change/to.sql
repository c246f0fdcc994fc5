-- the server refuses to change the type of a column a publication's column list names or
-- its row filter reads: the table leaves those publications first and joins again after;
-- a publication of the whole table keeps it
CREATE TABLE readings (id bigint PRIMARY KEY, sensor bigint, value bigint, note text);

CREATE PUBLICATION sensors FOR TABLE readings (id, sensor) WHERE (id > 0);
CREATE PUBLICATION large FOR TABLE readings WHERE (value > 100) WITH (publish = 'insert');
CREATE PUBLICATION everything_about_readings FOR TABLE readings;
