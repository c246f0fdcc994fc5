CREATE SCHEMA sales;
CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(12,2), status text);
CREATE TABLE sales.customers (id integer PRIMARY KEY, name text, region text);
CREATE TABLE "Audit Log" (id integer PRIMARY KEY, entry text);
