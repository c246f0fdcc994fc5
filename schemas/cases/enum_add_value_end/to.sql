-- a value appended to an enum uses ALTER TYPE ... ADD VALUE without BEFORE/AFTER
CREATE TYPE status AS ENUM ('new', 'active', 'archived', 'deleted');
