-- a unique constraint becomes DEFERRABLE INITIALLY DEFERRED (cannot be altered; drop and re-add)
CREATE TABLE positions (
    id integer PRIMARY KEY,
    list_id integer NOT NULL,
    pos integer NOT NULL,
    UNIQUE (list_id, pos) DEFERRABLE INITIALLY DEFERRED
);
