CREATE TABLE placeholder (id int);
CREATE TABLE bindings (id bigserial, kind text NOT NULL, target bigint NOT NULL, created date DEFAULT now());
CREATE TABLE bindings_a (
    CONSTRAINT bindings_a_kind CHECK (kind = 'A'),
    UNIQUE (target, kind)
) INHERITS (bindings);
-- a redeclared column is the child's own, with its own default
CREATE TABLE bindings_b (note text, kind text DEFAULT 'B') INHERITS (bindings);
ALTER TABLE bindings ADD CONSTRAINT bindings_target CHECK (target > 0);
