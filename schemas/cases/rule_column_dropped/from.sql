CREATE TABLE orders (id bigint PRIMARY KEY, status text, legacy_code text);
CREATE RULE frozen AS ON UPDATE TO orders DO INSTEAD NOTHING;
