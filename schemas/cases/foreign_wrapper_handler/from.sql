-- a wrapper with postgres_fdw's handler, and one without a handler
CREATE EXTENSION postgres_fdw;
CREATE FOREIGN DATA WRAPPER handled HANDLER postgres_fdw_handler;
CREATE FOREIGN DATA WRAPPER bare;
