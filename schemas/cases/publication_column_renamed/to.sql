-- a published column renamed: its staged form drops the old column in contract, which the
-- server refuses while a publication names it, so the table leaves and joins again
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text, -- schemadiff:renamed-from mail
    area text -- schemadiff:renamed-from region
);

CREATE PUBLICATION crm FOR TABLE customers (id, email) WHERE (id > 0);
CREATE PUBLICATION regional FOR TABLE customers WHERE (area <> '') WITH (publish = 'insert');
