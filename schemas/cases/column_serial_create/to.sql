-- smallserial, serial and bigserial columns create owned sequences of matching types named <table>_<column>_seq
CREATE TABLE counters (
    small_id smallserial,
    id serial PRIMARY KEY,
    big_id bigserial NOT NULL
);
