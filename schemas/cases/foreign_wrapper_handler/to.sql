-- the handler taken from one wrapper and given to the other: `ALTER FOREIGN DATA WRAPPER …
-- [NO] HANDLER`, each undone by the other
CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER handled NO HANDLER;
CREATE FOREIGN DATA WRAPPER bare HANDLER postgres_fdw_handler;
