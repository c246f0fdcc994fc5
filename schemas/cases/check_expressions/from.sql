CREATE TABLE shipments (
    id integer PRIMARY KEY,
    status text NOT NULL,
    weight_kg numeric(8,3),
    tracking_code text,
    carrier text,
    shipped_at timestamptz,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
