CREATE TABLE stamped (created_at timestamp DEFAULT now(), touched_at timestamp);
CREATE TABLE documents (title text) INHERITS (stamped);
-- the parent no longer has it: the child keeps a column of its own
ALTER TABLE documents ADD COLUMN version integer;
