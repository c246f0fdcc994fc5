-- a LANGUAGE sql function reads a table the same plan creates: the plan creates functions first and defers body checks
CREATE TABLE orders (id integer PRIMARY KEY, closed boolean NOT NULL DEFAULT false);
CREATE FUNCTION open_orders() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM orders WHERE NOT closed $$;
