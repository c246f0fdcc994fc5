-- the base type cannot be altered: the domain is dropped and created
CREATE DOMAIN amount AS numeric(12, 2) CHECK (VALUE > 0);
COMMENT ON DOMAIN amount IS 'money';
