-- statistics over a column that changes type are dropped before and created after it
-- (a type that rewrites the table, and one that does not); the others stay
CREATE TABLE readings (
    id bigint PRIMARY KEY,
    sensor bigint NOT NULL,
    site integer NOT NULL,
    label varchar(40),
    value numeric
);
CREATE STATISTICS readings_place ON sensor, site FROM readings;
CREATE STATISTICS readings_label (mcv) ON label, site FROM readings;
CREATE STATISTICS readings_untouched ON site, value FROM readings;
