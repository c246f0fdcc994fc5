-- expect: blocking-index-build@3 blocking-index-build@4
SET lock_timeout = '5s';
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
ALTER TABLE accounts ADD PRIMARY KEY (id);
