-- hand-written current state
CREATE TYPE ticket_status AS ENUM ('open', 'closed');

CREATE TABLE agents (
    id serial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE tickets (
    id serial PRIMARY KEY,
    subject text NOT NULL,
    status ticket_status NOT NULL DEFAULT 'open',
    agent_id integer REFERENCES agents (id)
);
