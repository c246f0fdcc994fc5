-- Default privileges, one row per grant (an entry whose ACL is empty gives one row with a
-- NULL privilege). The role running the read is NULL: it is the role a file's statements
-- run as, which is who `ALTER DEFAULT PRIVILEGES` without `FOR ROLE` is for.
SELECT CASE WHEN d.defaclrole = (SELECT r.oid FROM pg_catalog.pg_roles r
                                 WHERE r.rolname = current_user)
            THEN NULL
            ELSE pg_catalog.pg_get_userbyid(d.defaclrole)::text
       END AS role,
       n.nspname::text AS schema,
       d.defaclobjtype::text AS objects,
       CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END
           AS grantee,
       a.grantee = d.defaclrole AS is_owner,
       a.privilege_type AS privilege,
       a.is_grantable AS grantable
FROM pg_catalog.pg_default_acl d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
LEFT JOIN LATERAL pg_catalog.aclexplode(d.defaclacl) a ON true
ORDER BY 1, 2, 3
