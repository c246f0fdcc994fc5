-- a changed increment uses ALTER SEQUENCE ... INCREMENT BY
CREATE SEQUENCE batch_seq INCREMENT BY 50;
