-- same-named indexes on same-named tables in two schemas; only the app one changes
CREATE SCHEMA app;
CREATE TABLE app.items (
    id integer PRIMARY KEY,
    code text NOT NULL
);
CREATE TABLE items (
    id integer PRIMARY KEY,
    code text NOT NULL
);
CREATE INDEX items_code_idx ON items (code);
CREATE UNIQUE INDEX items_code_idx ON app.items (code);
