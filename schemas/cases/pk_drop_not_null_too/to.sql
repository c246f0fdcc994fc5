-- dropping a PK leaves the column NOT NULL, so the planner must also DROP NOT NULL to match
CREATE TABLE tags (
    id integer,
    name text NOT NULL
);
