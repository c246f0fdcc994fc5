-- views are created after the tables they read, with options and comments
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id), total numeric(10,2));
CREATE VIEW active_customers WITH (security_barrier) AS
    SELECT id, upper(name) AS name FROM customers WHERE active;
CREATE VIEW customer_totals AS
    SELECT c.id, c.name, sum(o.total) AS total, count(*) AS orders
    FROM customers c JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;
CREATE VIEW writable_active AS SELECT id, name, active FROM customers WHERE active WITH CASCADED CHECK OPTION;
COMMENT ON VIEW customer_totals IS 'Revenue per customer';
