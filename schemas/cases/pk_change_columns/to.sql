-- the PK moves from (id) to (user_id, group_id) with the same name: drop then add
CREATE TABLE memberships (
    id integer NOT NULL,
    user_id integer NOT NULL,
    group_id integer NOT NULL,
    PRIMARY KEY (user_id, group_id)
);
