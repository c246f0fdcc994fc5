-- a table leaves, one joins, a column list and a row filter change: ALTER PUBLICATION in
-- place; `feed` is built by ALTERs, which the offline reading folds
CREATE TABLE orders (id bigint PRIMARY KEY, customer text, total numeric, note text);
CREATE TABLE refunds (id bigint PRIMARY KEY, amount numeric);
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric, method text);

CREATE PUBLICATION billing FOR TABLE orders (id, customer, total), payments (id, method) WHERE (id > 0);
CREATE PUBLICATION feed;
ALTER PUBLICATION feed ADD TABLE refunds;
ALTER PUBLICATION feed ADD TABLE payments WHERE (payments.id > 5);
ALTER PUBLICATION feed DROP TABLE refunds;
