-- citext carries the default comment from its control file
CREATE EXTENSION citext;
