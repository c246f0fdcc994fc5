CREATE SCHEMA search;
CREATE TEXT SEARCH DICTIONARY search.stems (TEMPLATE = snowball, Language = porter, StopWords = english);
CREATE TEXT SEARCH DICTIONARY search.plain (TEMPLATE = simple, StopWords = english);
CREATE TEXT SEARCH DICTIONARY search.words (TEMPLATE = simple);
CREATE TEXT SEARCH CONFIGURATION search.english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.english
    ADD MAPPING FOR asciiword, word WITH search.plain, search.stems;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR int WITH simple;
ALTER TEXT SEARCH CONFIGURATION search.english ADD MAPPING FOR email WITH search.words;
CREATE TEXT SEARCH CONFIGURATION search.names (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION search.names ADD MAPPING FOR asciiword WITH search.words;
ALTER TEXT SEARCH DICTIONARY search.plain OWNER TO app_writer;
