-- no row uses the value to.sql removes ('on_hold')
INSERT INTO orders (id, status) VALUES (1, 'pending'), (2, 'paid'), (3, 'cancelled');
