-- Place names for analysts: every province and district with its Thai and English name, loaded by the sink at each
-- start from the reference geography (so a corrected name replaces the old one: the highest _version wins).

CREATE TABLE IF NOT EXISTS places
(
    level         LowCardinality(String) COMMENT 'PROVINCE or DISTRICT',
    code          String,
    name_th       String,
    name_en       String,
    province_code LowCardinality(String),
    _version      UInt64
)
ENGINE = ReplacingMergeTree(_version)
ORDER BY (level, code);
