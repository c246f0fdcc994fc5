-- only the filter and the options change: CREATE OR REPLACE both ways (it replaces the
-- options too), the dependent view stays
CREATE TABLE people (id integer PRIMARY KEY, name text NOT NULL, city text);
CREATE VIEW people_names WITH (security_invoker) AS SELECT id, name FROM people WHERE city IS NOT NULL;
CREATE VIEW people_ids AS SELECT id FROM people_names;
