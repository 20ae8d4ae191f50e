-- Every table is a ReplacingMergeTree whose sorting key is the identity of a fact and whose version is the Kafka
-- offset of the record that carried it: replaying a record (a crash between insert and offset commit) inserts the
-- same key with the same version, which the views, reading with FINAL, show once. See docs/sink-exactly-once.md.

CREATE TABLE IF NOT EXISTS submissions
(
    org_code         String,
    fiscal_year      UInt16,
    revision         UInt64,
    submission_id    String,
    org_name_th      String,
    org_name_en      Nullable(String),
    org_type         LowCardinality(String),
    subdistrict_code Nullable(String),
    district_code    LowCardinality(String),
    province_code    LowCardinality(String),
    total            Decimal(5, 2) COMMENT 'computed from the indicator scores by the year''s methodology',
    level            LowCardinality(String),
    level_th         String,
    passing          UInt8,
    reported_total   Nullable(Decimal(5, 2)),
    reported_level   Nullable(String),
    source           LowCardinality(String),
    source_reference Nullable(String),
    submitted_at     DateTime64(3, 'UTC'),
    flags            Array(String),
    _partition       Int32,
    _offset          Int64
)
ENGINE = ReplacingMergeTree(_offset)
PARTITION BY fiscal_year
ORDER BY (org_code, fiscal_year, revision);

CREATE TABLE IF NOT EXISTS submission_indicators
(
    org_code    String,
    fiscal_year UInt16,
    revision    UInt64,
    indicator   UInt8,
    score       Decimal(5, 2),
    _offset     Int64
)
ENGINE = ReplacingMergeTree(_offset)
PARTITION BY fiscal_year
ORDER BY (org_code, fiscal_year, revision, indicator);

CREATE TABLE IF NOT EXISTS submission_items
(
    org_code        String,
    fiscal_year     UInt16,
    revision        UInt64,
    item_code       LowCardinality(String),
    indicator       UInt8,
    is_oit          UInt8,
    item_name_th    Nullable(String),
    item_name_en    Nullable(String),
    score           Decimal(5, 2),
    alert_threshold Decimal(5, 2),
    _offset         Int64
)
ENGINE = ReplacingMergeTree(_offset)
PARTITION BY fiscal_year
ORDER BY (org_code, fiscal_year, revision, item_code);

CREATE TABLE IF NOT EXISTS indicator_gaps
(
    org_code           String,
    fiscal_year        UInt16,
    revision           UInt64,
    total              Decimal(5, 2),
    level              LowCardinality(String),
    next_level         Nullable(String),
    gap_to_next_level  Nullable(Decimal(5, 2)),
    indicator          UInt8,
    score              Decimal(5, 2),
    gap_to_100         Decimal(5, 2),
    weight_in_total    Decimal(5, 4),
    points_recoverable Decimal(5, 2),
    recoverable_rank   UInt8,
    _offset            Int64
)
ENGINE = ReplacingMergeTree(_offset)
ORDER BY (org_code, fiscal_year, indicator);

CREATE TABLE IF NOT EXISTS area_rollups
(
    area_level        LowCardinality(String),
    fiscal_year       UInt16,
    area_code         String,
    organizations     UInt32,
    mean_total        Decimal(5, 2),
    median_total      Decimal(5, 2),
    min_total         Decimal(5, 2),
    max_total         Decimal(5, 2),
    stddev_total      Decimal(5, 2),
    indicator_means   Map(UInt8, Decimal(5, 2)),
    level_counts      Map(String, UInt32),
    passing           UInt32,
    with_oit_alert    UInt32,
    mean_total_change Nullable(Decimal(5, 2)),
    is_deleted        UInt8 COMMENT '1 when the area has no member any more (a tombstone on the topic)',
    _offset           Int64
)
ENGINE = ReplacingMergeTree(_offset)
ORDER BY (area_level, fiscal_year, area_code);

CREATE TABLE IF NOT EXISTS yoy_changes
(
    org_code             String,
    fiscal_year          UInt16,
    previous_fiscal_year UInt16,
    district_code        LowCardinality(String),
    province_code        LowCardinality(String),
    total                Decimal(5, 2),
    previous_total       Decimal(5, 2),
    total_delta          Decimal(5, 2),
    level                LowCardinality(String),
    previous_level       LowCardinality(String),
    level_change         LowCardinality(String),
    indicator_deltas     Map(UInt8, Decimal(5, 2)),
    dropped_items        Array(String),
    _offset              Int64
)
ENGINE = ReplacingMergeTree(_offset)
ORDER BY (org_code, fiscal_year);

CREATE TABLE IF NOT EXISTS oit_alerts
(
    org_code            String,
    fiscal_year         UInt16,
    item_code           LowCardinality(String),
    state               LowCardinality(String),
    score               Decimal(5, 2),
    threshold           Decimal(5, 2),
    previous_score      Nullable(Decimal(5, 2)),
    previous_score_from LowCardinality(String),
    fell                UInt8,
    revision            UInt64,
    indicator           UInt8,
    org_name_th         String,
    district_code       LowCardinality(String),
    province_code       LowCardinality(String),
    changed_at          DateTime64(3, 'UTC'),
    _offset             Int64
)
ENGINE = ReplacingMergeTree(_offset)
ORDER BY (org_code, fiscal_year, item_code, _offset);
