CREATE SCHEMA planner;
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    region text NOT NULL,
    city text NOT NULL,
    zip text,
    total numeric(12, 2)
);
