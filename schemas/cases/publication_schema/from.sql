CREATE SCHEMA inventory;
CREATE SCHEMA sales;
CREATE TABLE inventory.stock (id integer PRIMARY KEY, quantity integer);
CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric);
CREATE TABLE items (id integer PRIMARY KEY, name text);

CREATE PUBLICATION stock FOR TABLES IN SCHEMA inventory;
