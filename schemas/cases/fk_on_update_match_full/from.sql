CREATE TABLE regions (
    country char(2) NOT NULL,
    code text NOT NULL,
    PRIMARY KEY (country, code)
);
CREATE TABLE stores (
    id integer PRIMARY KEY,
    country char(2),
    region_code text
);
