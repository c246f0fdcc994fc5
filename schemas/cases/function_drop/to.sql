-- a dropped function is restored with its comment by the rollback
CREATE FUNCTION kept() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
