-- integer identity -> bigint identity: the column type and its identity sequence type change together
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text
);
