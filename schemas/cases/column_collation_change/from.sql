CREATE TABLE words (
    id integer PRIMARY KEY,
    word text NOT NULL,
    code varchar(10) COLLATE "C"
);
CREATE INDEX words_word_idx ON words (word);
