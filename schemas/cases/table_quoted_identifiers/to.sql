-- identifiers needing quotes (reserved words, upper case, spaces) are quoted everywhere they are emitted
CREATE TABLE "user" (
    id integer PRIMARY KEY,
    "Name" text NOT NULL,
    "select" boolean NOT NULL DEFAULT false,
    "first name" text
);

CREATE TABLE "Order" (
    "ID" integer PRIMARY KEY,
    "user" integer NOT NULL REFERENCES "user" (id),
    "group" text CHECK ("group" <> ''),
    "Total Amount" numeric(10,2)
);

CREATE TABLE "order items" (
    "order" integer NOT NULL REFERENCES "Order" ("ID"),
    "line No" integer NOT NULL,
    PRIMARY KEY ("order", "line No")
);

CREATE INDEX ON "user" ("first name");
CREATE INDEX "Order_Total_idx" ON "Order" ("Total Amount" DESC);
COMMENT ON TABLE "order items" IS 'Lines of an "Order"';
COMMENT ON COLUMN "user"."first name" IS 'Given name';
