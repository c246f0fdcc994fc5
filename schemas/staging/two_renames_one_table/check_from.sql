SELECT count(*) = 1 FROM person WHERE fname = 'Ada' AND lname = 'Lovelace' AND born = '1815-12-10';
SELECT count(*) = 1 FROM person WHERE fname IN ('Alan', 'Alan M.') AND lname = 'Turing' AND born = '1912-06-23';
SELECT count(*) = 1 FROM person WHERE fname = 'Grace' AND lname = 'Hopper';
SELECT count(*) >= 1 FROM person WHERE fname = 'Old' AND lname = 'App';
SELECT count(*) = 0 FROM person WHERE fname IS NULL;
