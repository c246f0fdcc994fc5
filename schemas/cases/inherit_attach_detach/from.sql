CREATE TABLE animals (name text NOT NULL);
CREATE TABLE cats (name text NOT NULL, lives int);
CREATE TABLE dogs (good boolean) INHERITS (animals);
