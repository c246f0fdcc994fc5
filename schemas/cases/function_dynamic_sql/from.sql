CREATE TABLE staging_rows (id bigint PRIMARY KEY, payload text);
