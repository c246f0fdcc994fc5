-- a plain column becomes generated: PostgreSQL 15 cannot alter this in place, so the column is dropped and re-added
CREATE TABLE people (
    id integer PRIMARY KEY,
    email text NOT NULL,
    email_domain text GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED
);
