-- no row uses the value to.sql removes ('legacy')
INSERT INTO projects (id, status) VALUES (1, 'new'), (2, 'active'), (3, 'archived');
