CREATE TYPE status AS ENUM ('new', 'active');
CREATE TYPE color AS ENUM ('red', 'green');
COMMENT ON TYPE status IS 'Lifecycle';
COMMENT ON TYPE color IS 'Label colour';
