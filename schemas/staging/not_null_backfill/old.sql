SELECT id, name, coalesce(display_name, name) FROM account ORDER BY id;
INSERT INTO account (name, display_name) VALUES ('old-app null', NULL);
INSERT INTO account (name) VALUES ('old-app omitted');
INSERT INTO account (name, display_name) VALUES ('old-app given', 'Given');
UPDATE account SET display_name = 'Carol Updated' WHERE name = 'carol';
