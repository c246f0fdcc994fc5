SELECT kind, counter FROM event WHERE counter > 0 ORDER BY counter;
INSERT INTO event (kind, counter) VALUES ('old-app', 42);
INSERT INTO event (kind) VALUES ('old-app default');
UPDATE event SET counter = counter + 1 WHERE kind = 'click';
