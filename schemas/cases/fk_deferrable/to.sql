-- FK deferrability changes: src becomes DEFERRABLE INITIALLY DEFERRED, dst becomes NOT DEFERRABLE (ALTER CONSTRAINT can do both)
CREATE TABLE nodes (id integer PRIMARY KEY);
CREATE TABLE edges (
    id integer PRIMARY KEY,
    src integer NOT NULL REFERENCES nodes (id) DEFERRABLE INITIALLY DEFERRED,
    dst integer NOT NULL REFERENCES nodes (id)
);
