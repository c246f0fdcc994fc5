-- a named unique constraint keeps its name but gains a column, so it is dropped and re-added
CREATE TABLE slugs (
    id integer PRIMARY KEY,
    site_id integer NOT NULL,
    slug text NOT NULL,
    CONSTRAINT slugs_slug_unique UNIQUE (site_id, slug)
);
