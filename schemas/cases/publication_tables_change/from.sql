CREATE TABLE orders (id bigint PRIMARY KEY, customer text, total numeric, note text);
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric, method text);

CREATE PUBLICATION billing FOR TABLE orders (id, customer), refunds WHERE (id > 10);
CREATE PUBLICATION feed FOR TABLE refunds WHERE (id <> 1);
