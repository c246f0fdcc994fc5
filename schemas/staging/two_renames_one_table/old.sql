SELECT id, fname || ' ' || coalesce(lname, '') FROM person ORDER BY id;
INSERT INTO person (fname, lname) VALUES ('Old', 'App');
UPDATE person SET lname = 'Hopper' WHERE fname = 'Grace';
