-- Views for analysts: they read the latest state of every key without knowing about versions or FINAL.

CREATE OR REPLACE VIEW v_latest_submissions AS
SELECT * EXCEPT (_partition, _offset)
FROM submissions FINAL
ORDER BY org_code, fiscal_year, revision DESC
LIMIT 1 BY org_code, fiscal_year;

CREATE OR REPLACE VIEW v_latest_indicators AS
SELECT i.org_code AS org_code, i.fiscal_year AS fiscal_year, i.revision AS revision, i.indicator AS indicator,
       i.score AS score
FROM (SELECT * FROM submission_indicators FINAL) AS i
INNER JOIN (SELECT org_code, fiscal_year, revision FROM v_latest_submissions) AS l
    ON i.org_code = l.org_code AND i.fiscal_year = l.fiscal_year AND i.revision = l.revision;

CREATE OR REPLACE VIEW v_province_comparison AS
SELECT s.fiscal_year AS fiscal_year, s.province_code AS province_code, s.district_code AS district_code,
       s.org_code AS org_code, s.org_name_th AS org_name_th, s.total AS total, s.level AS level,
       s.level_th AS level_th, s.passing AS passing,
       ind.ind_1, ind.ind_2, ind.ind_3, ind.ind_4, ind.ind_5, ind.ind_6, ind.ind_7, ind.ind_8, ind.ind_9, ind.ind_10,
       rank() OVER (PARTITION BY s.fiscal_year, s.district_code ORDER BY s.total DESC) AS rank_in_district,
       count() OVER (PARTITION BY s.fiscal_year, s.district_code) AS organizations_in_district,
       rank() OVER (PARTITION BY s.fiscal_year, s.province_code ORDER BY s.total DESC) AS rank_in_province,
       count() OVER (PARTITION BY s.fiscal_year, s.province_code) AS organizations_in_province,
       toDecimal64(s.total - avg(s.total) OVER (PARTITION BY s.fiscal_year, s.district_code), 2)
           AS diff_to_district_mean,
       toDecimal64(s.total - avg(s.total) OVER (PARTITION BY s.fiscal_year, s.province_code), 2)
           AS diff_to_province_mean
FROM v_latest_submissions AS s
LEFT JOIN
(
    SELECT org_code, fiscal_year,
           maxIf(score, indicator = 1) AS ind_1, maxIf(score, indicator = 2) AS ind_2,
           maxIf(score, indicator = 3) AS ind_3, maxIf(score, indicator = 4) AS ind_4,
           maxIf(score, indicator = 5) AS ind_5, maxIf(score, indicator = 6) AS ind_6,
           maxIf(score, indicator = 7) AS ind_7, maxIf(score, indicator = 8) AS ind_8,
           maxIf(score, indicator = 9) AS ind_9, maxIf(score, indicator = 10) AS ind_10
    FROM v_latest_indicators
    GROUP BY org_code, fiscal_year
) AS ind ON ind.org_code = s.org_code AND ind.fiscal_year = s.fiscal_year;

CREATE OR REPLACE VIEW v_oit_items_at_or_below_threshold AS
SELECT l.fiscal_year AS fiscal_year, l.province_code AS province_code, l.district_code AS district_code,
       l.org_code AS org_code, l.org_name_th AS org_name_th, it.item_code AS item_code, it.indicator AS indicator,
       it.item_name_th AS item_name_th, it.item_name_en AS item_name_en, it.score AS score,
       it.alert_threshold AS alert_threshold
FROM v_latest_submissions AS l
INNER JOIN (SELECT * FROM submission_items FINAL) AS it
    ON it.org_code = l.org_code AND it.fiscal_year = l.fiscal_year AND it.revision = l.revision
WHERE it.is_oit = 1 AND it.score <= it.alert_threshold;

CREATE OR REPLACE VIEW v_indicator_gaps AS
SELECT * EXCEPT (_offset) FROM indicator_gaps FINAL;

CREATE OR REPLACE VIEW v_area_rollups AS
SELECT * EXCEPT (is_deleted, _offset) FROM area_rollups FINAL WHERE is_deleted = 0;

CREATE OR REPLACE VIEW v_yoy_movers AS
SELECT fiscal_year, province_code, district_code, org_code, total, previous_total, total_delta, level,
       previous_level, level_change,
       row_number() OVER (PARTITION BY fiscal_year, province_code ORDER BY total_delta DESC, org_code) AS riser_rank,
       row_number() OVER (PARTITION BY fiscal_year, province_code ORDER BY total_delta ASC, org_code) AS faller_rank
FROM (SELECT * FROM yoy_changes FINAL);

CREATE OR REPLACE VIEW v_alert_states AS
SELECT org_code, fiscal_year, item_code,
       argMax(state, _offset) AS state, argMax(score, _offset) AS score,
       argMax(previous_score, _offset) AS previous_score, argMax(fell, _offset) AS fell,
       argMax(changed_at, _offset) AS changed_at, any(org_name_th) AS org_name_th,
       any(district_code) AS district_code, any(province_code) AS province_code
FROM (SELECT * FROM oit_alerts FINAL)
GROUP BY org_code, fiscal_year, item_code;
