-- agents stays empty: to.sql adds agents.email NOT NULL without a default
INSERT INTO tickets (id, subject, status, agent_id) VALUES
    (1, 'printer on fire', 'open', NULL),
    (2, 'cannot log in', 'closed', NULL);
