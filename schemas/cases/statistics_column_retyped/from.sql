CREATE TABLE readings (
    id bigint PRIMARY KEY,
    sensor integer NOT NULL,
    site integer NOT NULL,
    label varchar(20),
    value numeric
);
CREATE STATISTICS readings_place ON sensor, site FROM readings;
CREATE STATISTICS readings_label (mcv) ON label, site FROM readings;
CREATE STATISTICS readings_untouched ON site, value FROM readings;
