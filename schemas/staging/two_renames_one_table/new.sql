SELECT id, first_name || ' ' || coalesce(last_name, '') FROM person ORDER BY id;
INSERT INTO person (first_name, last_name) VALUES ('New', 'App');
UPDATE person SET first_name = 'Alan M.' WHERE last_name = 'Turing';
