-- sequence comments: one added, one changed, one removed
CREATE SEQUENCE a_seq;
CREATE SEQUENCE b_seq;
CREATE SEQUENCE c_seq;
COMMENT ON SEQUENCE a_seq IS 'Numbers for A';
COMMENT ON SEQUENCE b_seq IS 'Numbers for B';
