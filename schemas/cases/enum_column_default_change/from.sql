CREATE TYPE status AS ENUM ('new', 'active', 'archived');

CREATE TABLE projects (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'new'::status
);
