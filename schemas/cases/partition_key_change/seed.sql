-- partitioned_to_plain has no partition, so it holds no rows
INSERT INTO plain_to_partitioned (id, day) VALUES (1, '2024-01-01'), (2, '2024-01-02');
INSERT INTO rekeyed (id, day) VALUES (1, '2024-01-01'), (2, '2024-01-02');
