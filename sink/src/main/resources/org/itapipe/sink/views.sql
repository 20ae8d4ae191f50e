-- Views for analysts: they read the latest state of every key without knowing about versions or FINAL. Views hold
-- no data, so they are not migrations: the sink replaces every one of them from this file at each start, and this
-- file is the one definition of each (docs/sink-exactly-once.md).
--
-- One rounding rule everywhere: half up (away from zero on a tie) to two decimals, as Java's RoundingMode.HALF_UP.
-- A difference to a mean is computed exactly in whole cents: n * total - sum over n, rounded once.

CREATE OR REPLACE VIEW v_latest_submissions AS
SELECT * EXCEPT (_partition, _offset)
FROM latest_submissions FINAL;

-- Every province and district with its names (loaded by the sink from the reference geography).
CREATE OR REPLACE VIEW v_places AS
SELECT level, code, name_th, name_en, province_code FROM places FINAL;

-- Every fiscal year's items with their indicator and names (loaded by the sink from the methodology files).
CREATE OR REPLACE VIEW v_items AS
SELECT fiscal_year, item_code, indicator, is_oit, name_th, name_en FROM items FINAL;

CREATE OR REPLACE VIEW v_latest_indicators AS
SELECT i.org_code AS org_code, i.fiscal_year AS fiscal_year, i.revision AS revision, i.indicator AS indicator,
       i.score AS score
FROM (SELECT * FROM submission_indicators FINAL) AS i
INNER JOIN (SELECT org_code, fiscal_year, revision FROM v_latest_submissions) AS l
    ON i.org_code = l.org_code AND i.fiscal_year = l.fiscal_year AND i.revision = l.revision;

-- Ranks: in the district (a provincial administrative organization serves its whole province and has no district
-- rank), in the province, and among organizations of the same type in the province and in the country.
CREATE OR REPLACE VIEW v_province_comparison AS
SELECT fiscal_year, province_code, province_name_th, district_code, district_name_th, org_code, org_name_th,
       org_type, total, level, level_th, passing,
       ind_1, ind_2, ind_3, ind_4, ind_5, ind_6, ind_7, ind_8, ind_9, ind_10,
       if(in_district, rank_d, NULL) AS rank_in_district,
       if(in_district, n_d, NULL) AS organizations_in_district,
       rank_p AS rank_in_province, n_p AS organizations_in_province,
       rank_pt AS rank_in_province_by_type, n_pt AS organizations_of_type_in_province,
       rank_nt AS rank_national_by_type, n_nt AS organizations_of_type_national,
       if(in_district, toDecimal64(sign(x_d) * intDiv(2 * abs(x_d) + n_d, 2 * n_d), 2) / 100, NULL)
           AS diff_to_district_mean,
       toDecimal64(sign(x_p) * intDiv(2 * abs(x_p) + n_p, 2 * n_p), 2) / 100 AS diff_to_province_mean
FROM
(
    SELECT *,
           rank() OVER (PARTITION BY fiscal_year, district_code, in_district ORDER BY total DESC) AS rank_d,
           toInt64(count() OVER (PARTITION BY fiscal_year, district_code, in_district)) AS n_d,
           cents * n_d - toInt64(sum(cents) OVER (PARTITION BY fiscal_year, district_code, in_district)) AS x_d,
           rank() OVER (PARTITION BY fiscal_year, province_code ORDER BY total DESC) AS rank_p,
           toInt64(count() OVER (PARTITION BY fiscal_year, province_code)) AS n_p,
           cents * n_p - toInt64(sum(cents) OVER (PARTITION BY fiscal_year, province_code)) AS x_p,
           rank() OVER (PARTITION BY fiscal_year, province_code, org_type ORDER BY total DESC) AS rank_pt,
           count() OVER (PARTITION BY fiscal_year, province_code, org_type) AS n_pt,
           rank() OVER (PARTITION BY fiscal_year, org_type ORDER BY total DESC) AS rank_nt,
           count() OVER (PARTITION BY fiscal_year, org_type) AS n_nt
    FROM
    (
        SELECT s.fiscal_year AS fiscal_year, s.province_code AS province_code, s.district_code AS district_code,
               s.org_code AS org_code, s.org_name_th AS org_name_th, s.org_type AS org_type, s.total AS total,
               s.level AS level, s.level_th AS level_th, s.passing AS passing,
               p.name_th AS province_name_th, d.name_th AS district_name_th,
               s.org_type != 'PROVINCIAL_ADMINISTRATIVE_ORGANIZATION' AS in_district,
               toInt64(s.total * 100) AS cents,
               ind.ind_1 AS ind_1, ind.ind_2 AS ind_2, ind.ind_3 AS ind_3, ind.ind_4 AS ind_4, ind.ind_5 AS ind_5,
               ind.ind_6 AS ind_6, ind.ind_7 AS ind_7, ind.ind_8 AS ind_8, ind.ind_9 AS ind_9, ind.ind_10 AS ind_10
        FROM v_latest_submissions AS s
        LEFT JOIN (SELECT code, name_th FROM v_places WHERE level = 'PROVINCE') AS p ON p.code = s.province_code
        LEFT JOIN (SELECT code, name_th FROM v_places WHERE level = 'DISTRICT') AS d ON d.code = s.district_code
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
        ) AS ind ON ind.org_code = s.org_code AND ind.fiscal_year = s.fiscal_year
    )
);

CREATE OR REPLACE VIEW v_oit_items_at_or_below_threshold AS
SELECT l.fiscal_year AS fiscal_year, l.province_code AS province_code, l.district_code AS district_code,
       l.org_code AS org_code, l.org_name_th AS org_name_th, l.org_type AS org_type, it.item_code AS item_code,
       it.indicator AS indicator, n.name_th AS item_name_th, n.name_en AS item_name_en,
       it.score AS score, it.alert_threshold AS alert_threshold
FROM v_latest_submissions AS l
INNER JOIN (SELECT * FROM submission_items FINAL) AS it
    ON it.org_code = l.org_code AND it.fiscal_year = l.fiscal_year AND it.revision = l.revision
LEFT JOIN v_items AS n ON n.fiscal_year = it.fiscal_year AND n.item_code = it.item_code
WHERE it.is_oit = 1 AND it.score <= it.alert_threshold;

CREATE OR REPLACE VIEW v_indicator_gaps AS
SELECT g.* EXCEPT (_offset), l.org_type AS org_type
FROM (SELECT * FROM indicator_gaps FINAL) AS g
LEFT JOIN (SELECT org_code, fiscal_year, org_type FROM v_latest_submissions) AS l
    ON l.org_code = g.org_code AND l.fiscal_year = g.fiscal_year;

-- org_type is empty for a rollup over all types; area_level NATIONAL has area_code TH.
CREATE OR REPLACE VIEW v_area_rollups AS
SELECT * EXCEPT (is_deleted, _offset) FROM area_rollups FINAL WHERE is_deleted = 0;

CREATE OR REPLACE VIEW v_yoy_movers AS
SELECT y.fiscal_year AS fiscal_year, y.province_code AS province_code, y.district_code AS district_code,
       y.org_code AS org_code, l.org_type AS org_type, y.total AS total, y.previous_total AS previous_total,
       y.total_delta AS total_delta, y.level AS level, y.previous_level AS previous_level,
       y.level_change AS level_change,
       row_number() OVER (PARTITION BY y.fiscal_year, y.province_code ORDER BY y.total_delta DESC, y.org_code)
           AS riser_rank,
       row_number() OVER (PARTITION BY y.fiscal_year, y.province_code ORDER BY y.total_delta ASC, y.org_code)
           AS faller_rank
FROM (SELECT * FROM yoy_changes FINAL) AS y
LEFT JOIN (SELECT org_code, fiscal_year, org_type FROM v_latest_submissions) AS l
    ON l.org_code = y.org_code AND l.fiscal_year = y.fiscal_year;

CREATE OR REPLACE VIEW v_alert_states AS
SELECT a.org_code AS org_code, a.fiscal_year AS fiscal_year, a.item_code AS item_code, a.state AS state,
       a.score AS score, a.previous_score AS previous_score, a.fell AS fell, a.changed_at AS changed_at,
       a.org_name_th AS org_name_th, l.org_type AS org_type, a.district_code AS district_code,
       a.province_code AS province_code
FROM
(
    SELECT org_code, fiscal_year, item_code,
           argMax(state, _offset) AS state, argMax(score, _offset) AS score,
           argMax(previous_score, _offset) AS previous_score, argMax(fell, _offset) AS fell,
           argMax(changed_at, _offset) AS changed_at, any(org_name_th) AS org_name_th,
           any(district_code) AS district_code, any(province_code) AS province_code
    FROM (SELECT * FROM oit_alerts FINAL)
    GROUP BY org_code, fiscal_year, item_code
) AS a
LEFT JOIN (SELECT org_code, fiscal_year, org_type FROM v_latest_submissions) AS l
    ON l.org_code = a.org_code AND l.fiscal_year = a.fiscal_year;
