CREATE TABLE customers (id bigint PRIMARY KEY, mail text, region text);

CREATE PUBLICATION crm FOR TABLE customers (id, mail) WHERE (id > 0);
CREATE PUBLICATION regional FOR TABLE customers WHERE (region <> '') WITH (publish = 'insert');
