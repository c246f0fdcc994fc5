-- text -> text[] (needs USING ARRAY[tag] or similar) and integer[] -> bigint[]
CREATE TABLE posts (
    id integer PRIMARY KEY,
    tag text[],
    scores bigint[]
);
