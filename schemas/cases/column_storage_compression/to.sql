-- storage and compression set, changed, reset to the type's own, and set with a new type
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    body text COMPRESSION lz4,
    summary text COMPRESSION pglz,
    payload jsonb,
    amount numeric(12,2),
    code text,
    notes text COMPRESSION lz4
);
ALTER TABLE documents ALTER COLUMN body SET STORAGE MAIN;
ALTER TABLE documents ALTER COLUMN summary SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN payload SET STORAGE EXTERNAL, ALTER COLUMN payload SET STORAGE EXTENDED;
ALTER TABLE documents ALTER COLUMN code SET STORAGE EXTERNAL;
ALTER TABLE documents ALTER COLUMN notes SET STORAGE EXTERNAL;

-- a new table with both, and a partitioned one whose partitions take the parent's
CREATE TABLE attachments (id bigint, content bytea COMPRESSION lz4);
ALTER TABLE attachments ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TABLE events (id bigint, at date, detail text COMPRESSION lz4) PARTITION BY RANGE (at);
ALTER TABLE events ALTER COLUMN detail SET STORAGE EXTERNAL;
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- storage set on a partitioned table reaches its partitions; compression does not
CREATE TABLE logs (id bigint, at date, line text COMPRESSION lz4) PARTITION BY RANGE (at);
ALTER TABLE logs ALTER COLUMN line SET STORAGE EXTERNAL;
CREATE TABLE logs_2026 PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TABLE logs ALTER COLUMN line SET STORAGE MAIN;
