-- Ordinary aggregates as a CREATE AGGREGATE statement built from pg_aggregate
-- (pg_get_functiondef does not print aggregates), options the server assumes left out.
-- Function names print unqualified when `search_path = public` finds them.
SELECT format('CREATE AGGREGATE %I.%I(%s) (%s)',
              n.nspname, p.proname,
              COALESCE(
                  (SELECT string_agg(format_type(arg.type, NULL), ', ' ORDER BY arg.position)
                   FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS arg(type, position)),
                  '*'),
              concat_ws(', ',
                  'SFUNC = ' || a.aggtransfn::text,
                  'STYPE = ' || format_type(a.aggtranstype, NULL),
                  CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                  CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::text END,
                  CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                  CASE a.aggfinalmodify WHEN 's' THEN 'FINALFUNC_MODIFY = SHAREABLE'
                                        WHEN 'w' THEN 'FINALFUNC_MODIFY = READ_WRITE' END,
                  CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::text END,
                  CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::text END,
                  CASE WHEN a.aggdeserialfn <> 0
                       THEN 'DESERIALFUNC = ' || a.aggdeserialfn::text END,
                  CASE WHEN a.agginitval IS NOT NULL
                       THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
                  CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::text END,
                  CASE WHEN a.aggminvtransfn <> 0
                       THEN 'MINVFUNC = ' || a.aggminvtransfn::text END,
                  CASE WHEN a.aggmtranstype <> 0
                       THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
                  CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                  CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::text END,
                  CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                  CASE a.aggmfinalmodify WHEN 's' THEN 'MFINALFUNC_MODIFY = SHAREABLE'
                                         WHEN 'w' THEN 'MFINALFUNC_MODIFY = READ_WRITE' END,
                  CASE WHEN a.aggminitval IS NOT NULL
                       THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
                  CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE'
                                     WHEN 'r' THEN 'PARALLEL = RESTRICTED' END))
           AS definition,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_aggregate a
JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE a.aggkind = 'n'
  AND n.nspname NOT LIKE 'pg\_%'
  AND n.nspname NOT IN ('information_schema', 'schemadiff_archive', 'schemadiff')
  AND NOT EXISTS (
      SELECT FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_proc'::regclass
        AND d.objid = p.oid
        AND d.deptype = 'e')
ORDER BY 1
