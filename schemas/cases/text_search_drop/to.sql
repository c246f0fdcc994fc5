-- the configurations dropped, then the dictionaries they mapped to; a DROP of one never
-- created
CREATE SCHEMA search;
DROP TEXT SEARCH CONFIGURATION IF EXISTS search.unknown;
