package org.itapipe.sink.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * When the analyst views hold everything that was sent: every organization-year is in {@code v_latest_submissions}
 * and {@code v_indicator_gaps} at its last revision, and every rollup (district, province and national, over all
 * types and per type) agrees with those latest submissions on its organization count, lowest and highest total. The
 * sender knows the sum of the last revisions it sent (for generated data, whose revisions run 1..n, the number of
 * records), so "every one at its last revision" is "the sum of the latest revisions equals it". The one probe of the
 * demo and the bench.
 */
public final class PipelineCompletion {

    private static final String LATEST = "SELECT count(), sum(revision) FROM v_latest_submissions";
    private static final String GAPS = "SELECT sum(revision) FROM (SELECT DISTINCT org_code, fiscal_year, revision "
            + "FROM v_indicator_gaps)";
    private static final String AREAS_OUT_OF_DATE = """
            SELECT count() FROM (
                SELECT 'DISTRICT' AS level, fiscal_year, district_code AS area, '' AS type, count() AS n,
                       min(total) AS low, max(total) AS high
                FROM v_latest_submissions WHERE org_type != 'PROVINCIAL_ADMINISTRATIVE_ORGANIZATION'
                GROUP BY fiscal_year, district_code
                UNION ALL
                SELECT 'PROVINCE', fiscal_year, province_code, '', count(), min(total), max(total)
                FROM v_latest_submissions GROUP BY fiscal_year, province_code
                UNION ALL
                SELECT 'PROVINCE', fiscal_year, province_code, org_type, count(), min(total), max(total)
                FROM v_latest_submissions GROUP BY fiscal_year, province_code, org_type
                UNION ALL
                SELECT 'NATIONAL', fiscal_year, 'TH', '', count(), min(total), max(total)
                FROM v_latest_submissions GROUP BY fiscal_year
                UNION ALL
                SELECT 'NATIONAL', fiscal_year, 'TH', org_type, count(), min(total), max(total)
                FROM v_latest_submissions GROUP BY fiscal_year, org_type
            ) AS expected
            LEFT ANTI JOIN (
                SELECT toString(area_level) AS level, fiscal_year, area_code AS area, toString(org_type) AS type,
                       toUInt64(organizations) AS n, min_total AS low, max_total AS high
                FROM v_area_rollups
            ) AS actual USING (level, fiscal_year, area, type, n, low, high)""";


    private final long organizationYears;
    private final long records;

    /**
     * @param organizationYears how many organization-years were sent
     * @param records           the sum of their last revisions
     */
    public PipelineCompletion(long organizationYears, long records) {
        this.organizationYears = organizationYears;
        this.records = records;
    }

    /** Polls until complete; fails after the timeout naming what was still missing. */
    public void await(Connection analyst, Duration timeout) throws SQLException, InterruptedException {
        await(analyst, timeout, loaded -> { });
    }

    /** The same, telling {@code progress} how many organization-years the views hold at each poll. */
    public void await(Connection analyst, Duration timeout, LongConsumer progress)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "";
        try (Statement sql = analyst.createStatement()) {
            while (System.nanoTime() < deadline) {
                // Cheapest first, each only once the one before holds: the gaps query reads every gap row FINAL
                // (60 ms of ClickHouse at the demo's 158,000 rows), and polled four times a second through a whole
                // replay it took the cores the replay is measured on (docs/benchmarks.md, session 14).
                long[] latest = longs(sql, LATEST, 2);
                progress.accept(latest[0]);
                state = "latest submissions " + latest[0] + "/" + organizationYears + " (revision sum " + latest[1]
                        + "/" + records + ")";
                if (latest[0] == organizationYears && latest[1] == records) {
                    long gaps = longs(sql, GAPS, 1)[0];
                    state += ", gaps revision sum " + gaps + "/" + records;
                    if (gaps == records) {
                        long areas = longs(sql, AREAS_OUT_OF_DATE, 1)[0];
                        if (areas == 0) {
                            return;
                        }
                        state += ", " + areas + " rollups behind";
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the views were not complete within " + timeout + ": " + state);
    }

    private static long[] longs(Statement sql, String query, int columns) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            long[] values = new long[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = result.getLong(i + 1);
            }
            return values;
        }
    }
}
