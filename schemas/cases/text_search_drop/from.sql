CREATE SCHEMA search;
CREATE TEXT SEARCH DICTIONARY search.stems (TEMPLATE = snowball, Language = english);
COMMENT ON TEXT SEARCH DICTIONARY search.stems IS 'English stems';
CREATE TEXT SEARCH DICTIONARY search.plain (TEMPLATE = simple, StopWords = english);
CREATE TEXT SEARCH CONFIGURATION search.english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.english
    ADD MAPPING FOR asciiword, word WITH search.plain, search.stems;
COMMENT ON TEXT SEARCH CONFIGURATION search.english IS 'plain words, then stems';
CREATE TEXT SEARCH CONFIGURATION search.bare (PARSER = default);
