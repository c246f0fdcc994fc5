-- a publication lists a table by OID: the renamed table stays in it, nothing to alter
-- schemadiff:renamed-from orders
CREATE TABLE purchases (id bigint PRIMARY KEY, customer text, note text);

CREATE PUBLICATION feed FOR TABLE purchases (id, customer) WHERE (id > 0);
