SELECT count(*) = 1 FROM person WHERE first_name = 'Ada' AND last_name = 'Lovelace' AND born = '1815-12-10';
SELECT count(*) = 1 FROM person WHERE first_name = 'Alan M.' AND last_name = 'Turing';
SELECT count(*) = 1 FROM person WHERE first_name = 'Grace' AND last_name = 'Hopper';
SELECT count(*) >= 1 FROM person WHERE first_name = 'Old' AND last_name = 'App';
SELECT count(*) >= 1 FROM person WHERE first_name = 'New' AND last_name = 'App';
SELECT count(*) = 0 FROM person WHERE first_name IS NULL;
