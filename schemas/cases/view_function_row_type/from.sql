CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted boolean NOT NULL DEFAULT false);
CREATE VIEW live_users AS SELECT id, email FROM users WHERE NOT deleted;
CREATE FUNCTION user_by_id(p_id integer) RETURNS live_users
    LANGUAGE sql STABLE AS $$ SELECT * FROM live_users WHERE id = p_id $$;
CREATE FUNCTION all_users() RETURNS SETOF live_users
    LANGUAGE sql STABLE AS $$ SELECT * FROM live_users $$;
CREATE FUNCTION count_users() RETURNS bigint
    LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM live_users; END;
COMMENT ON FUNCTION all_users() IS 'Every live user';
