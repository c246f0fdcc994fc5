-- an extension, the column using its type, and the schema it lives in are all dropped, in that order
CREATE TABLE t (
    id integer PRIMARY KEY
);
