-- FKs are added in both directions between two existing tables, forming a cycle
CREATE TABLE teams (
    id integer PRIMARY KEY,
    captain_id integer
);
CREATE TABLE players (
    id integer PRIMARY KEY,
    team_id integer REFERENCES teams (id) ON DELETE SET NULL
);
ALTER TABLE teams ADD FOREIGN KEY (captain_id) REFERENCES players (id) ON DELETE SET NULL;
