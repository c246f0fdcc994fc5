-- one enum comment changes (to text with a quote), the other is removed
CREATE TYPE status AS ENUM ('new', 'active');
CREATE TYPE color AS ENUM ('red', 'green');
COMMENT ON TYPE status IS 'A project''s lifecycle';
