-- with no rename detection, a differently named table is created and the old one dropped
CREATE TABLE logs (
    id bigint PRIMARY KEY,
    message text
);
