-- `i.*` over a join is expanded when the view is created: a new column of `item` recreates it
CREATE TABLE item (id integer PRIMARY KEY, title text, status text);
CREATE TABLE category (id integer PRIMARY KEY, name text);
CREATE VIEW item_extended AS SELECT i.*, c.name AS category_name FROM item i JOIN category c ON c.id = i.id;
