-- Item names belong to the methodology (one owner): every fiscal year's items with their indicator and names, loaded
-- by the sink at each start from the methodology files (ReferenceTables), so a corrected name replaces the old one:
-- the highest _version wins. Until this migration each of the ~52 rows a submission has in submission_items carried
-- both names, three quarters of that table's bytes (docs/benchmarks.md, session 14); the analyst views join them here.

CREATE TABLE IF NOT EXISTS items
(
    fiscal_year UInt16,
    item_code   LowCardinality(String),
    indicator   UInt8,
    is_oit      UInt8,
    name_th     Nullable(String),
    name_en     Nullable(String),
    _version    UInt64
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY (fiscal_year, item_code);

ALTER TABLE submission_items DROP COLUMN IF EXISTS item_name_th, DROP COLUMN IF EXISTS item_name_en;
