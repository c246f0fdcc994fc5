-- the index goes first; the rollback creates the view, then its index
CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL);
