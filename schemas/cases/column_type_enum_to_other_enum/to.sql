-- a column moves from one enum type to another: there is no cast between enums, so it converts through text
CREATE TYPE old_status AS ENUM ('open', 'closed');
CREATE TYPE new_status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE tickets (id integer PRIMARY KEY, status new_status NOT NULL DEFAULT 'open');
