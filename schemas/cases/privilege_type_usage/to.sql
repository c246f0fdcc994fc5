-- USAGE on a type taken from PUBLIC and given to one role
CREATE TYPE status AS ENUM ('active', 'closed');

REVOKE USAGE ON TYPE status FROM PUBLIC;
GRANT USAGE ON TYPE status TO app_reader;
