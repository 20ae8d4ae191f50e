-- The latest revision of each organization and year, as streams decided it (ita.latest-submissions.v1,
-- docs/revisions.md): one row per organization and year, the highest offset wins. The analysts' latest view reads it,
-- so it and every derived view agree by construction. `submissions` keeps every revision that was the latest once.
-- Its columns are those of `submissions`, defined there only.

CREATE TABLE IF NOT EXISTS latest_submissions AS submissions
ENGINE = ReplacingMergeTree(_offset)
PARTITION BY fiscal_year
ORDER BY (org_code, fiscal_year);

-- A store loaded before this migration: its latest rows, under offset -1, so that any record of the topic replaces
-- them (docs/revisions.md, upgrading).
INSERT INTO latest_submissions
SELECT * REPLACE (toInt64(-1) AS _offset)
FROM submissions FINAL
ORDER BY org_code, fiscal_year, revision DESC
LIMIT 1 BY org_code, fiscal_year;
