CREATE TABLE articles (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    body character varying
);
CREATE INDEX articles_title_idx ON articles (title);
