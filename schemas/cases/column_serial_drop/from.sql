CREATE TABLE legacy_rows (
    row_id serial,
    payload text
);
