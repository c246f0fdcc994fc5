-- btree indexes with explicit operator classes (text_pattern_ops, varchar_pattern_ops) and a COLLATE
CREATE TABLE paths (
    id integer PRIMARY KEY,
    path text NOT NULL,
    code varchar(20) NOT NULL
);
CREATE INDEX paths_path_prefix_idx ON paths (path text_pattern_ops);
CREATE INDEX paths_code_prefix_idx ON paths (code varchar_pattern_ops);
CREATE INDEX paths_path_c_idx ON paths (path COLLATE "C");
