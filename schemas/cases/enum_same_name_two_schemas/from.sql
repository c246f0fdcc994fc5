CREATE SCHEMA hr;
CREATE TYPE status AS ENUM ('open', 'closed');
CREATE TYPE hr.status AS ENUM ('open', 'closed');
