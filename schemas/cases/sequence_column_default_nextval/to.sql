-- a new sequence is created before a column default that calls nextval on it
CREATE SEQUENCE ticket_number_seq START WITH 100;

CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    subject text NOT NULL,
    number integer NOT NULL DEFAULT nextval('ticket_number_seq'::regclass)
);
