CREATE TABLE "Customer" (
    "Id" integer PRIMARY KEY,
    "E-mail" text,
    "order" integer
);
