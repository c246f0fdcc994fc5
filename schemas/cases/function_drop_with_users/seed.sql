INSERT INTO tags (id, code) VALUES (1, 'red'), (2, 'blue');
