CREATE TABLE stamped (created_at timestamp DEFAULT now(), version integer);
CREATE TABLE documents (title text, body text) INHERITS (stamped);
