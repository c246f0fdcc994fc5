-- The server: its version, and the compression methods it was built with (NULL before
-- PostgreSQL 14, which has no column compression).
SELECT current_setting('server_version_num') AS version_num,
       (SELECT s.enumvals
        FROM pg_catalog.pg_settings s
        WHERE s.name = 'default_toast_compression') AS compression_methods
