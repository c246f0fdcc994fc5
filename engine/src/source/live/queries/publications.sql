-- Publications, each with what it lists spelled as `CREATE PUBLICATION … FOR` takes it
-- (tables with their column lists and row filters as the server prints them, then schemas),
-- so that the loader builds the statement a file would hold and one normaliser reads both.
-- Column lists, row filters and schemas exist from PostgreSQL 15 (see publications_pg14.sql).
SELECT p.pubname::text AS name,
       p.puballtables AS all_tables,
       concat_ws(', ',
           (SELECT string_agg(
                       format('TABLE %I.%I', n.nspname, c.relname)
                       || coalesce(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                            FROM pg_catalog.pg_attribute a
                                            WHERE a.attrelid = pr.prrelid
                                              AND a.attnum = ANY (pr.prattrs::int2[])) || ')', '')
                       || coalesce(' WHERE (' || pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) || ')', ''),
                       ', ' ORDER BY n.nspname, c.relname)
            FROM pg_catalog.pg_publication_rel pr
            JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE pr.prpubid = p.oid),
           (SELECT string_agg(format('TABLES IN SCHEMA %I', n.nspname), ', ' ORDER BY n.nspname)
            FROM pg_catalog.pg_publication_namespace pn
            JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
            WHERE pn.pnpubid = p.oid)) AS objects,
       concat_ws(', ',
           CASE WHEN p.pubinsert THEN 'insert' END,
           CASE WHEN p.pubupdate THEN 'update' END,
           CASE WHEN p.pubdelete THEN 'delete' END,
           CASE WHEN p.pubtruncate THEN 'truncate' END) AS publish,
       p.pubviaroot AS via_partition_root,
       pg_catalog.obj_description(p.oid, 'pg_publication') AS comment,
       CASE WHEN p.pubowner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
            THEN pg_catalog.pg_get_userbyid(p.pubowner)::text
       END AS owner
FROM pg_catalog.pg_publication p
ORDER BY 1
