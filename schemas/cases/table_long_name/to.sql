-- identifiers longer than 63 bytes are truncated, and generated constraint/index names are shortened to fit
CREATE TABLE customer_loyalty_program_membership_history_entries_archive_2024_q1 (
    id integer PRIMARY KEY,
    customer_identifier_from_the_external_crm_system_of_record_value integer NOT NULL UNIQUE,
    membership_tier_name_as_configured_in_the_loyalty_program_settings text
        CHECK (membership_tier_name_as_configured_in_the_loyalty_program_settings <> '')
);

CREATE INDEX ON customer_loyalty_program_membership_history_entries_archive_2024_q1
    (membership_tier_name_as_configured_in_the_loyalty_program_settings);
