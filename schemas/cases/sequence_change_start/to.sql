-- a changed START WITH is altered (it changes the recorded start, not necessarily the current value)
CREATE SEQUENCE order_number_seq START WITH 10000;
