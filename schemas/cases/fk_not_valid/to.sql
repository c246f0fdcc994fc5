-- an FK is added NOT VALID (existing rows are not checked) and stays not validated
CREATE TABLE customers (id integer PRIMARY KEY);
CREATE TABLE orders (
    id integer PRIMARY KEY,
    customer_id integer
);
ALTER TABLE orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
