-- dictionaries of the built-in templates, their options written as names, strings and
-- booleans in any case; a configuration mapping token types to them and to built-in
-- dictionaries (an unqualified name is the file's dictionary in public, or else a built-in
-- one); one copied from it and changed; comments
CREATE SCHEMA search;
CREATE TEXT SEARCH DICTIONARY search.stems (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH DICTIONARY plain (TEMPLATE = pg_catalog.simple, STOPWORDS = 'english', Accept = false);
CREATE TEXT SEARCH DICTIONARY search.synonyms (TEMPLATE = synonym, SYNONYMS = synonym_sample);
CREATE TEXT SEARCH DICTIONARY search.spelling (TEMPLATE = ispell, DictFile = ispell_sample, AffFile = ispell_sample);
COMMENT ON TEXT SEARCH DICTIONARY search.synonyms IS 'sample synonyms';
CREATE TEXT SEARCH CONFIGURATION search.english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.english
    ADD MAPPING FOR asciiword, word WITH search.synonyms, search.spelling, search.stems;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR int, uint WITH simple;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR email, url WITH plain;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR hword WITH english_stem;
COMMENT ON TEXT SEARCH CONFIGURATION search.english IS 'English with synonyms';
CREATE TEXT SEARCH CONFIGURATION search.english_numbers (COPY = search.english);
ALTER TEXT SEARCH CONFIGURATION search.english_numbers DROP MAPPING FOR email, url;
