-- comment text with quotes, backslashes, dollar signs, newlines and unicode is quoted correctly; IS '' means no comment
CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text
);
COMMENT ON TABLE notes IS 'It''s "quoted" and has a \backslash\ and $$dollars$$';
COMMENT ON COLUMN notes.id IS E'Line one\nLine two\ttabbed';
COMMENT ON COLUMN notes.body IS 'Ünïcödé — ✓ 日本語';
COMMENT ON CONSTRAINT notes_pkey ON notes IS '';
