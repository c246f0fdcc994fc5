-- a primary key is dropped; its column keeps NOT NULL because the desired state declares it
CREATE TABLE tags (
    id integer NOT NULL,
    name text NOT NULL
);
