CREATE TABLE "user" (
    id integer PRIMARY KEY,
    "Name" text
);
