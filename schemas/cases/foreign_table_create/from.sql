-- a server exists; its foreign tables and the view that reads one do not
CREATE EXTENSION postgres_fdw;
CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'r', dbname 'd');
