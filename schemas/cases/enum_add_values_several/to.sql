-- several values added at different positions (start, middle, end) keep the desired order
CREATE TYPE size AS ENUM ('xs', 's', 'm', 'l', 'xl', 'xxl');

CREATE TABLE shirts (
    id integer PRIMARY KEY,
    size size NOT NULL
);
