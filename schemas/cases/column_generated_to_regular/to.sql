-- a generated column becomes a plain column with ALTER COLUMN ... DROP EXPRESSION (values are kept)
CREATE TABLE people (
    id integer PRIMARY KEY,
    email text NOT NULL,
    email_domain text
);
