-- no change: the same schema in different keyword case, identifier case (unquoted), whitespace, parentheses and comments
create table ORDERS
(
    ID          INTEGER      primary key,   -- surrogate key
    Customer_Id INTEGER      not null,
    TOTAL       NUMERIC(10, 2)
                DEFAULT (0)
                CHECK ((Total >= (0))),
    /* free text */
    Note        TEXT
);

create index ORDERS_CUSTOMER_IDX
    on Orders (CUSTOMER_ID)
    where (NOTE is not null);
