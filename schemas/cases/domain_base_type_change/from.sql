CREATE DOMAIN amount AS integer CHECK (VALUE > 0);
