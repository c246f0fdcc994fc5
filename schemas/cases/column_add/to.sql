-- a nullable column without a default is added with ALTER TABLE ... ADD COLUMN
CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL,
    nickname varchar(40)
);
