-- the default comment of an extension is replaced by a custom one
CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'Case-insensitive text, used for emails and usernames';
