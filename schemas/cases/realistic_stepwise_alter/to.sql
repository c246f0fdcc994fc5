-- the desired state is built migration-style (ADD/DROP/RENAME COLUMN, DROP TABLE); only the end result counts, incl. dropped-column gaps and a unique constraint whose generated name no longer matches its renamed column
-- 0001_init
CREATE TABLE users (
    id integer PRIMARY KEY,
    username text NOT NULL UNIQUE,
    email text,
    created_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE posts (
    id integer PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    title text NOT NULL,
    body text
);

-- 0002_add_drafts
CREATE TABLE drafts (
    id integer PRIMARY KEY,
    post_id integer REFERENCES posts (id),
    body text
);
ALTER TABLE posts ADD COLUMN draft_id integer;

-- 0003_remove_drafts
ALTER TABLE posts DROP COLUMN draft_id;
DROP TABLE drafts;

-- 0004_profile
ALTER TABLE users ADD COLUMN display_name text;
ALTER TABLE users ADD COLUMN bio text;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);

-- 0005_rename
ALTER TABLE posts RENAME COLUMN body TO content;
ALTER TABLE users RENAME COLUMN created_at TO joined_at;
ALTER TABLE users RENAME COLUMN username TO handle;  -- constraint keeps the name users_username_key
ALTER TABLE users ALTER COLUMN joined_at TYPE timestamptz;

-- 0006_cleanup
ALTER TABLE users DROP COLUMN bio;
ALTER TABLE posts ADD COLUMN published_at timestamptz;
CREATE INDEX posts_user_id_idx ON posts (user_id, published_at DESC);
