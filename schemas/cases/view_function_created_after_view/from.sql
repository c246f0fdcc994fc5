CREATE TABLE runs (id bigint PRIMARY KEY);
