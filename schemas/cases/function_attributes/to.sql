-- attributes change in place: volatility, strictness, security definer, parallel, cost, SET
CREATE FUNCTION lookup(k text) RETURNS text
    LANGUAGE sql STABLE STRICT SECURITY DEFINER PARALLEL SAFE COST 10
    SET search_path = public
    AS $$ SELECT upper(k) $$;
