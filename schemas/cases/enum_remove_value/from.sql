CREATE TYPE status AS ENUM ('new', 'active', 'legacy', 'archived');

CREATE TABLE projects (
    id integer PRIMARY KEY,
    status status NOT NULL
);
