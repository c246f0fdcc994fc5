-- a bigserial column is added to an existing table (sequence created, owned, default set)
CREATE TABLE legacy_rows (
    payload text,
    row_id bigserial PRIMARY KEY
);
