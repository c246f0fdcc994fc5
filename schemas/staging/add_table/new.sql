SELECT c.name, n.body FROM customer c LEFT JOIN note n ON n.customer_id = c.id;
INSERT INTO customer (name) VALUES ('new-app');
INSERT INTO note (customer_id, body)
SELECT id, 'hello' FROM customer WHERE name = 'alice';
