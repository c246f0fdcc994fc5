-- no change: an FK with its default options spelled out (MATCH SIMPLE, NO ACTION, NOT DEFERRABLE, explicit column)
CREATE TABLE a (id integer PRIMARY KEY);
CREATE TABLE b (
    id integer PRIMARY KEY,
    a_id integer REFERENCES a (id) MATCH SIMPLE ON UPDATE NO ACTION ON DELETE NO ACTION NOT DEFERRABLE INITIALLY IMMEDIATE
);
