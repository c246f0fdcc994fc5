CREATE TYPE status AS ENUM ('new', 'active', 'archived');
