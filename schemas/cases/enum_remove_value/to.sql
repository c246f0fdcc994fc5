-- removing an enum value needs the type recreated and the using column converted
CREATE TYPE status AS ENUM ('new', 'active', 'archived');

CREATE TABLE projects (
    id integer PRIMARY KEY,
    status status NOT NULL
);
