-- checks using IN (...), BETWEEN, LIKE, IS NOT NULL, casts and OR are added and must round-trip
CREATE TABLE shipments (
    id integer PRIMARY KEY,
    status text NOT NULL CHECK (status IN ('pending', 'shipped', 'delivered', 'lost')),
    weight_kg numeric(8,3) CHECK (weight_kg BETWEEN 0.001 AND 30000),
    tracking_code text CHECK (tracking_code LIKE 'TRK-%'),
    carrier text,
    shipped_at timestamptz,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shipped_needs_carrier CHECK (status = 'pending' OR carrier IS NOT NULL),
    CONSTRAINT delivered_after_shipped CHECK (delivered_at IS NULL OR delivered_at >= shipped_at),
    CONSTRAINT created_recent CHECK (created_at >= '2020-01-01'::date),
    CONSTRAINT weight_whole_grams CHECK ((weight_kg * 1000)::integer = weight_kg * 1000)
);
