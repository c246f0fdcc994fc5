CREATE TYPE status AS ENUM ('active', 'closed');
