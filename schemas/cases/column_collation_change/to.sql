-- collation changes: default -> "C" (index rebuilt) and "C" -> "POSIX"; done via ALTER COLUMN ... TYPE ... COLLATE
CREATE TABLE words (
    id integer PRIMARY KEY,
    word text COLLATE "C" NOT NULL,
    code varchar(10) COLLATE "POSIX"
);
CREATE INDEX words_word_idx ON words (word);
