SELECT kind, counter FROM event WHERE counter > 0 ORDER BY counter;
INSERT INTO event (kind, counter) VALUES ('new-app', 43::bigint);
UPDATE event SET counter = counter - 1 WHERE kind = 'scroll';
