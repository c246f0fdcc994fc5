CREATE TABLE legacy_rows (
    payload text
);
