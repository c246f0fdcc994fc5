-- The extension versions the server can install (its control and script files): a desired
-- state that pins another cannot be planned for it.
SELECT name::text AS name,
       version::text AS version
FROM pg_catalog.pg_available_extension_versions
ORDER BY 1, 2
