CREATE TABLE slugs (
    id integer PRIMARY KEY,
    site_id integer NOT NULL,
    slug text NOT NULL,
    CONSTRAINT slugs_slug_unique UNIQUE (slug)
);
