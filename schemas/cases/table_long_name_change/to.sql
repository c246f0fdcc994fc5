-- a table whose name is exactly 63 bytes gets an FK and unique constraint with truncated generated names
CREATE TABLE customer_loyalty_program_membership_history_entry_archives_2024 (
    id integer PRIMARY KEY,
    customer_identifier_from_the_external_crm_system_of_record_value integer NOT NULL UNIQUE,
    previous_entry_identifier_in_the_membership_history_entries_tbl integer
        REFERENCES customer_loyalty_program_membership_history_entry_archives_2024 (id)
);
