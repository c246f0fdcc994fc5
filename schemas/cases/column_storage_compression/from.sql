-- storage and compression set, changed, reset to the type's own, and set with a new type
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    body text COMPRESSION pglz,
    summary text,
    payload jsonb,
    amount numeric(12,2),
    code varchar(10)
);
ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE ONLY documents ALTER COLUMN amount SET STORAGE EXTENDED;
ALTER TABLE documents ALTER COLUMN code SET STORAGE MAIN;
ALTER TABLE documents ALTER COLUMN code SET COMPRESSION lz4;

CREATE TABLE logs (id bigint, at date, line text) PARTITION BY RANGE (at);
CREATE TABLE logs_2026 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
