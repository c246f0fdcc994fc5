-- an enum value is appended and the column default switches to it ('draft'::status)
CREATE TYPE status AS ENUM ('new', 'active', 'archived', 'draft');

CREATE TABLE projects (
    id integer PRIMARY KEY,
    status status NOT NULL DEFAULT 'draft'::status
);
