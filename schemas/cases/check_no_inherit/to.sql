-- a NO INHERIT check is added (the flag is part of the constraint definition)
CREATE TABLE base_items (
    id integer PRIMARY KEY,
    kind text NOT NULL,
    CONSTRAINT base_items_kind_check CHECK (kind <> '') NO INHERIT
);
