-- A flag keeps its field and message, not only its rule: reports show each inconsistency of a published report
-- as it was found. flags[i], flag_fields[i] and flag_messages[i] describe the same flag.

ALTER TABLE submissions
    ADD COLUMN IF NOT EXISTS flag_fields Array(String) AFTER flags,
    ADD COLUMN IF NOT EXISTS flag_messages Array(String) AFTER flag_fields;
