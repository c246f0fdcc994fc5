CREATE TABLE logs (id bigint NOT NULL, day date NOT NULL, line text) PARTITION BY RANGE (day);
CREATE TABLE logs_jan PARTITION OF logs FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
-- bound widened: detached and attached again
CREATE TABLE logs_feb PARTITION OF logs FOR VALUES FROM ('2026-02-01') TO ('2026-03-15');
-- detached: stays as a table of its own
CREATE TABLE logs_old (id bigint NOT NULL, day date NOT NULL, line text);
-- a table becomes a partition
CREATE TABLE logs_mar (id bigint NOT NULL, day date NOT NULL, line text);
ALTER TABLE logs ATTACH PARTITION logs_mar FOR VALUES FROM ('2026-03-15') TO ('2026-04-01');
