-- an empty schema that is no longer wanted
CREATE SCHEMA legacy;
