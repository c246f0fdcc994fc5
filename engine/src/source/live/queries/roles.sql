-- The roles of the cluster: not managed, only checked against the grants a plan makes.
SELECT r.rolname::text AS name
FROM pg_catalog.pg_roles r
ORDER BY 1
