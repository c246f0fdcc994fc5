-- options only: ALTER VIEW … SET/RESET, no recreation
CREATE TABLE docs (id integer PRIMARY KEY, owner text NOT NULL, public boolean NOT NULL);
CREATE VIEW public_docs WITH (security_invoker = true) AS SELECT id, owner FROM docs WHERE public;
CREATE VIEW my_docs AS SELECT id, owner, public FROM docs WHERE owner = current_user WITH CASCADED CHECK OPTION;
CREATE VIEW all_docs AS SELECT id FROM docs;
ALTER VIEW all_docs SET (security_barrier);
