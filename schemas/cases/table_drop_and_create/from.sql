CREATE TABLE old_logs (
    id bigint PRIMARY KEY,
    message text
);
