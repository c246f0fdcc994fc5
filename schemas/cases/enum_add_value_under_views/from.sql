CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE TABLE alerts (id int PRIMARY KEY, level level NOT NULL);
CREATE VIEW all_alerts AS SELECT * FROM alerts;
CREATE VIEW mid_alerts AS SELECT id, 'mid'::level AS tagged FROM alerts;
CREATE VIEW alert_ids AS SELECT id FROM all_alerts;
