-- a comment is added to an enum type with COMMENT ON TYPE
CREATE TYPE status AS ENUM ('new', 'active', 'archived');
COMMENT ON TYPE status IS 'Lifecycle of a project';
