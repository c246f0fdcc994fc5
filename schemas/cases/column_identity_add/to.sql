-- an existing NOT NULL column becomes an identity column with ADD GENERATED ... AS IDENTITY
CREATE TABLE tickets (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject text
);
