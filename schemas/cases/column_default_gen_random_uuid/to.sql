-- a gen_random_uuid() default (built in since PG 13, no extension needed) is set on a uuid PK
CREATE TABLE files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL
);
