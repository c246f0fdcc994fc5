-- adding a value in the middle of an enum uses ADD VALUE ... BEFORE/AFTER a neighbour
CREATE TYPE status AS ENUM ('new', 'active', 'suspended', 'archived');
