-- Primary key, unique, foreign key, check and exclusion constraints that tables declare
-- themselves (not those a partition or child takes from its parent), as the server prints
-- them; the loader keeps those of the tables tables.sql returned. NOT NULL
-- is a column property in the model: from PostgreSQL 18 it is also stored here as contype
-- 'n', and constraint triggers ('t') are triggers, so both are left out by listing the kinds
-- that are wanted. pg_get_constraintdef leaves out the storage parameters of the index
-- behind a primary key or unique constraint (`WITH (fillfactor=…)`), so they come apart.
SELECT co.conrelid AS table_oid,
       co.conname::text AS name,
       pg_get_constraintdef(co.oid) AS definition,
       CASE WHEN co.contype IN ('p', 'u') THEN
           (SELECT ic.reloptions FROM pg_catalog.pg_class ic WHERE ic.oid = co.conindid)
       END AS index_options,
       co.convalidated AS validated,
       ds.description AS comment
FROM pg_catalog.pg_constraint co
JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds
       ON ds.objoid = co.oid AND ds.classoid = 'pg_catalog.pg_constraint'::regclass
      AND ds.objsubid = 0
WHERE co.contype IN ('p', 'u', 'f', 'c', 'x')
  AND c.relkind IN ('r', 'p')
  AND co.conislocal
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
ORDER BY 1, 2
