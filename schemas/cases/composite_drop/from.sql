CREATE TYPE point3 AS (x float8, y float8, z float8);
CREATE FUNCTION norm(p point3) RETURNS float8 LANGUAGE sql AS $$ SELECT sqrt(p.x * p.x + p.y * p.y + p.z * p.z) $$;
