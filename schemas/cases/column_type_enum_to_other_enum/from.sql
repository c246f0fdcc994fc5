CREATE TYPE old_status AS ENUM ('open', 'closed');
CREATE TYPE new_status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE tickets (id integer PRIMARY KEY, status old_status NOT NULL DEFAULT 'open');
