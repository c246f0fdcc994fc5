-- no row uses the value to.sql removes ('retired')
INSERT INTO docs (id, state) VALUES (1, 'draft'), (2, 'live');
