-- cities stays empty: to.sql adds cities.country_code NOT NULL without a default
INSERT INTO countries (id, code) VALUES (1, 'GB'), (2, 'FR');
