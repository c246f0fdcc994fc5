-- no change: every name written with an explicit public. qualifier and regclass/enum casts spelled out
CREATE TYPE public.status AS ENUM ('a', 'b');
CREATE SEQUENCE public.seq;
CREATE TABLE public.items (
    id integer PRIMARY KEY DEFAULT nextval('public.seq'::regclass),
    status public.status NOT NULL DEFAULT 'a'::public.status
);
CREATE INDEX items_status_idx ON public.items USING btree (status);
COMMENT ON TABLE public.items IS 'Items';
