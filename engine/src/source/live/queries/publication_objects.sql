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
            WHERE pn.pnpubid = p.oid))
