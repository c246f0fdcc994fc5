-- dropping a serial column also drops its owned sequence (no explicit DROP SEQUENCE may fail afterwards)
CREATE TABLE legacy_rows (
    payload text
);
