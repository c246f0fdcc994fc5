INSERT INTO customer (name) VALUES ('alice'), ('bob'), ('carol');
