-- a table with the same name as a public one is created in another schema; public.contacts is unchanged
CREATE SCHEMA crm;
CREATE TABLE contacts (id integer PRIMARY KEY, name text);
CREATE TABLE crm.contacts (
    id integer PRIMARY KEY,
    public_contact_id integer REFERENCES public.contacts (id),
    note text
);
