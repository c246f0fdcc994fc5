-- an enum type is created before the table whose column and default use it
CREATE TYPE status AS ENUM ('new', 'active', 'archived');

CREATE TABLE projects (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'new'::status
);
