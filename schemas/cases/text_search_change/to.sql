-- options changed, removed and added (ALTER TEXT SEARCH DICTIONARY … (option = value,
-- option)); a new template drops and creates a dictionary, and the configuration that maps
-- to it with it; mappings altered (REPLACE too), added and dropped; a comment added; owners
-- changed
CREATE SCHEMA search;
CREATE TEXT SEARCH DICTIONARY search.stems (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH DICTIONARY search.plain (TEMPLATE = simple, StopWords = english, Accept = false);
CREATE TEXT SEARCH DICTIONARY search.words (TEMPLATE = synonym, Synonyms = synonym_sample);
CREATE TEXT SEARCH CONFIGURATION search.english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.english
    ADD MAPPING FOR asciiword, word WITH search.plain, search.stems;
ALTER TEXT SEARCH CONFIGURATION search.english ALTER MAPPING FOR word WITH search.stems;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR int WITH simple;
ALTER TEXT SEARCH CONFIGURATION search.english ALTER MAPPING REPLACE simple WITH search.plain;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR uint, hword WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION search.english IS 'plain words, then stems';
CREATE TEXT SEARCH CONFIGURATION search.names (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.names ADD MAPPING FOR asciiword WITH search.words;
ALTER TEXT SEARCH DICTIONARY search.plain OWNER TO app_reader;
ALTER TEXT SEARCH CONFIGURATION search.english OWNER TO app_writer;
