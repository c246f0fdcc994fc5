-- adding a value needs nothing from the views; undoing it recreates the type, which the
-- server refuses under views that read its columns or name it: they are recreated around it
CREATE TYPE level AS ENUM ('low', 'mid', 'high', 'critical');
CREATE TABLE alerts (id int PRIMARY KEY, level level NOT NULL);
CREATE VIEW all_alerts AS SELECT * FROM alerts;
CREATE VIEW mid_alerts AS SELECT id, 'mid'::level AS tagged FROM alerts;
CREATE VIEW alert_ids AS SELECT id FROM all_alerts;
CREATE TABLE escalations (id int, level level);
