-- two enums with the same name in different schemas: only hr.status changes
CREATE SCHEMA hr;
CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TYPE hr.status AS ENUM ('open', 'pending', 'closed');
