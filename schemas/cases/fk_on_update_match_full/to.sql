-- a composite FK with MATCH FULL, ON UPDATE CASCADE and ON DELETE SET DEFAULT is added
CREATE TABLE regions (
    country char(2) NOT NULL,
    code text NOT NULL,
    PRIMARY KEY (country, code)
);
CREATE TABLE stores (
    id integer PRIMARY KEY,
    country char(2),
    region_code text,
    FOREIGN KEY (country, region_code) REFERENCES regions (country, code)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET DEFAULT
);
