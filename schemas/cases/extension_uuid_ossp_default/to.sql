-- uuid-ossp (a quoted extension name) is created before a column default that calls its function
CREATE EXTENSION "uuid-ossp";

CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    created_at timestamptz NOT NULL DEFAULT now()
);
