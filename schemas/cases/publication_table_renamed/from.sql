CREATE TABLE orders (id bigint PRIMARY KEY, customer text, note text);

CREATE PUBLICATION feed FOR TABLE orders (id, customer) WHERE (id > 0);
