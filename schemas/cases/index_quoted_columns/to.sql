-- unnamed indexes on quoted columns get generated names with upper case and punctuation ("Customer_E-mail_idx")
CREATE TABLE "Customer" (
    "Id" integer PRIMARY KEY,
    "E-mail" text,
    "order" integer
);
CREATE INDEX ON "Customer" ("E-mail");
CREATE INDEX ON "Customer" (lower("E-mail"));
CREATE INDEX ON "Customer" ("order", "Id");
