CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    subject text NOT NULL
);
