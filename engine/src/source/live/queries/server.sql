-- The server: its version, the compression methods it was built with (NULL before
-- PostgreSQL 14, which has no column compression), and the role the catalog is read as.
SELECT current_setting('server_version_num') AS version_num,
       current_user::text AS current_role,
       (SELECT s.enumvals
        FROM pg_catalog.pg_settings s
        WHERE s.name = 'default_toast_compression') AS compression_methods
