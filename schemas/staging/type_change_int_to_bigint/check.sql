SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute
 WHERE attrelid = 'event'::regclass AND attname = 'counter';
SELECT count(*) = 1 FROM event WHERE kind = 'view' AND counter = 2147483647;
SELECT count(*) = 1 FROM event WHERE kind = 'idle' AND counter = 0;
-- the old app's updates (once per run) reached the new column
SELECT count(*) = 1 FROM event WHERE kind = 'click' AND counter > 1;
SELECT count(*) = 1 FROM event WHERE kind = 'scroll' AND counter < -5;
SELECT count(*) >= 1 AND bool_and(counter = 42) FROM event WHERE kind = 'old-app';
SELECT count(*) >= 1 AND bool_and(counter = 0) FROM event WHERE kind = 'old-app default';
SELECT count(*) >= 1 AND bool_and(counter = 43) FROM event WHERE kind = 'new-app';
-- the index is on the new column
SELECT count(*) = 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
 WHERE i.indexrelid = 'event_counter_idx'::regclass AND a.attname = 'counter' AND i.indisvalid;
