-- an existing unique constraint becomes UNIQUE NULLS NOT DISTINCT (same name, so drop and re-add)
CREATE TABLE devices (
    id integer PRIMARY KEY,
    owner_id integer,
    serial text,
    UNIQUE NULLS NOT DISTINCT (owner_id, serial)
);
