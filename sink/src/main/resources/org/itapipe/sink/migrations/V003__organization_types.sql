-- Rollups per organization type (docs/streams.md): org_type is empty for a rollup over all types and joins the
-- sorting key, so that a province's rollup over all types and its rollup over one type are different facts.
-- ClickHouse lets a sorting key grow only by columns added in the same statement, without a default expression
-- (a String column's implicit default is the empty string).

ALTER TABLE area_rollups
    ADD COLUMN IF NOT EXISTS org_type LowCardinality(String) AFTER area_code,
    MODIFY ORDER BY (area_level, fiscal_year, area_code, org_type);
