-- rows that the keys and checks to.sql adds accept (a > 0, b < c, c references r)
INSERT INTO r (id) VALUES (1), (2), (3);
INSERT INTO t (a, b, c) VALUES (1, 1, 2), (2, 2, 3), (3, NULL, NULL);
