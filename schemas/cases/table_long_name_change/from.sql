CREATE TABLE customer_loyalty_program_membership_history_entry_archives_2024 (
    id integer PRIMARY KEY,
    customer_identifier_from_the_external_crm_system_of_record_value integer NOT NULL
);
