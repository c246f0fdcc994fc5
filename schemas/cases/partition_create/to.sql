CREATE TABLE regions (code text PRIMARY KEY);

-- range partitions with a default partition and a primary key on the parent
CREATE TABLE measurements (
    city_id integer NOT NULL,
    taken_on date NOT NULL,
    reading numeric DEFAULT 0,
    PRIMARY KEY (city_id, taken_on)
) PARTITION BY RANGE (taken_on);
CREATE TABLE measurements_2025 PARTITION OF measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurements_2026 PARTITION OF measurements
    FOR VALUES FROM ('2026-01-01'::date) TO ('2027-01-01'::date);
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;
CREATE INDEX ON measurements (reading);
COMMENT ON TABLE measurements_2025 IS 'Closed year';

-- list partitions with column overrides, sub-partitioned by hash
CREATE TABLE orders (
    id bigint NOT NULL,
    region text NOT NULL REFERENCES regions (code),
    priority integer DEFAULT 0,
    notes text
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu', 'uk');
CREATE TABLE orders_us PARTITION OF orders (
    priority DEFAULT 10,
    notes NOT NULL,
    CONSTRAINT orders_us_priority CHECK (priority > 0)
) FOR VALUES IN ('us') PARTITION BY HASH (id);
CREATE TABLE orders_us_0 PARTITION OF orders_us FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE orders_us_1 PARTITION OF orders_us FOR VALUES WITH (modulus 2, remainder 1);

-- an expression key with MINVALUE/MAXVALUE bounds
CREATE TABLE events (name text NOT NULL, at timestamptz NOT NULL)
    PARTITION BY RANGE (lower(name), at);
CREATE TABLE events_all PARTITION OF events
    FOR VALUES FROM (MINVALUE, MINVALUE) TO (MAXVALUE, MAXVALUE);
