-- PL/pgSQL and SQL bodies order their functions after the tables and functions they use:
-- the materialized view runs count_items() when it is created, which reads app.items.
-- Mutual recursion and a default calling a function that reads its own table are no cycle.
CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'high');
CREATE TABLE app.items (id bigint PRIMARY KEY, weight integer NOT NULL DEFAULT 1, level app.level);
CREATE FUNCTION app.weight_of(p bigint) RETURNS integer LANGUAGE sql STABLE
    AS $$ SELECT weight FROM app.items WHERE id = p $$;
CREATE FUNCTION app.count_items() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    total bigint;
    lvl app.level;
BEGIN
    SELECT count(*) INTO total FROM app.items WHERE app.weight_of(id) > 0;
    lvl := 'low'::app.level;
    RETURN total;
END
$$;
CREATE MATERIALIZED VIEW app.summary AS SELECT app.count_items() AS items;
CREATE FUNCTION app.is_even(n integer) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF n = 0 THEN RETURN true; END IF;
    RETURN app.is_odd(n - 1);
END
$$;
CREATE FUNCTION app.is_odd(n integer) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF n = 0 THEN RETURN false; END IF;
    RETURN app.is_even(n - 1);
END
$$;
CREATE FUNCTION app.next_counter() RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT coalesce(max(id), 0) + 1 FROM app.counters);
END
$$;
CREATE TABLE app.counters (id integer PRIMARY KEY DEFAULT app.next_counter());
