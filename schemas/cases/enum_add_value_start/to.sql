-- a value added at the start of an enum uses ADD VALUE ... BEFORE the first value
CREATE TYPE status AS ENUM ('draft', 'new', 'active', 'archived');
