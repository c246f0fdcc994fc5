(SELECT string_agg(format('TABLE %I.%I', n.nspname, c.relname), ', ' ORDER BY n.nspname, c.relname)
        FROM pg_catalog.pg_publication_rel pr
        JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE pr.prpubid = p.oid)
