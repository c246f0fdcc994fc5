-- ordering options per column: DESC NULLS LAST, ASC NULLS FIRST, and DESC (implicitly NULLS FIRST)
CREATE TABLE posts (
    id integer PRIMARY KEY,
    score integer,
    published_at timestamptz
);
CREATE INDEX posts_score_idx ON posts (score DESC NULLS LAST, id);
CREATE INDEX posts_published_idx ON posts (published_at NULLS FIRST);
CREATE INDEX posts_recent_idx ON posts (published_at DESC);
