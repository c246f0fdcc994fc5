SELECT id, name, display_name FROM account ORDER BY id;
INSERT INTO account (name, display_name) VALUES ('new-app', 'New App');
UPDATE account SET display_name = display_name WHERE name = 'alice';
