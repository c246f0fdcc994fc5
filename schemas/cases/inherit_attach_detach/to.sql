CREATE TABLE animals (name text NOT NULL);
CREATE TABLE cats (name text NOT NULL, lives int);
ALTER TABLE cats INHERIT animals;
CREATE TABLE dogs (good boolean) INHERITS (animals);
ALTER TABLE dogs NO INHERIT animals;
