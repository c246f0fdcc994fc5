-- expect: discouraged-type@3 discouraged-type@4 discouraged-type@5 discouraged-type@6
CREATE TABLE invoices (
  id serial PRIMARY KEY,
  code char(8),
  title varchar(120),
  issued_at timestamp,
  note text
);
