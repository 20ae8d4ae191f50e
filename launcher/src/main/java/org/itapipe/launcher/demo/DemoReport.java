package org.itapipe.launcher.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.sink.load.ClickHouseWriter;

/** What the demo prints once ClickHouse holds everything, read as the analyst reads it. */
public final class DemoReport {

    private static final List<String> TABLES = List.of("submissions", "submission_indicators", "submission_items",
            "indicator_gaps", "area_rollups", "yoy_changes", "oit_alerts");

    private final ClickHouseSettings analyst;
    private final Geography geography;

    public DemoReport(ClickHouseSettings analyst, Geography geography) {
        this.analyst = analyst;
        this.geography = geography;
    }

    public void print(PrintWriter out, String seedOrg, int year, Map<String, Duration> phases) throws SQLException {
        try (Connection connection = ClickHouseWriter.connect(analyst); Statement sql = connection.createStatement()) {
            out.println();
            out.println("== The national scores are generated (synthetic, calibrated to the published FY 2568 "
                    + "figures); only the seed report's are real");
            out.println("== ClickHouse (rows per table, one per key; the submission tables keep every revision)");
            for (String table : TABLES) {
                out.printf(Locale.ROOT, "  %-22s %,10d%n", table, scalar(sql, "SELECT count() FROM " + table + " FINAL"));
            }
            out.printf(Locale.ROOT, "  %-22s %,10d%n", "latest submissions", scalar(sql,
                    "SELECT count() FROM v_latest_submissions"));
            printTypes(out, sql, year);
            out.println("== Provinces by mean total, FY " + year);
            String provinces = "SELECT area_code, mean_total, organizations FROM v_area_rollups WHERE area_level = "
                    + "'PROVINCE' AND org_type = '' AND fiscal_year = " + year
                    + " ORDER BY mean_total %s, area_code LIMIT 5";
            out.println("  best five:");
            printProvinces(out, sql, provinces.formatted("DESC"));
            out.println("  worst five:");
            printProvinces(out, sql, provinces.formatted("ASC"));
            out.printf(Locale.ROOT, "== Open OIT alerts (organization, year, item at or below the threshold): %,d, "
                            + "of them %,d at 0.00%n",
                    scalar(sql, "SELECT count() FROM v_alert_states WHERE state = 'OPEN'"),
                    scalar(sql, "SELECT count() FROM v_alert_states WHERE state = 'OPEN' AND score = 0"));
            try (ResultSet seed = sql.executeQuery("SELECT org_name_th, total, level_th, rank_in_district, "
                    + "organizations_in_district, rank_in_province, organizations_in_province FROM "
                    + "v_province_comparison WHERE org_code = '" + seedOrg + "' AND fiscal_year = " + year)) {
                if (seed.next()) {
                    out.printf(Locale.ROOT, "== Seed report: %s, FY %d: total %s, %s; rank %d of %d in its district, "
                                    + "%d of %d in its province%n", seed.getString(1), year,
                            seed.getBigDecimal(2).setScale(2).toPlainString(), seed.getString(3), seed.getInt(4),
                            seed.getInt(5), seed.getInt(6), seed.getInt(7));
                }
            }
            out.printf(Locale.ROOT, "  open OIT alerts of %s: %d%n", seedOrg, scalar(sql, "SELECT count() FROM "
                    + "v_alert_states WHERE state = 'OPEN' AND org_code = '" + seedOrg + "' AND fiscal_year = " + year));
            out.println("== Wall time per phase");
            phases.forEach((phase, took) -> out.printf(Locale.ROOT, "  %-28s %7.1f s%n", phase, took.toMillis() / 1000.0));
            out.printf(Locale.ROOT, "  %-28s %7.1f s%n", "total",
                    phases.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0);
            out.println();
            out.flush();
        }
    }

    /** Like with like: how many of each type, their mean total and share passing, from the national rollups. */
    private static void printTypes(PrintWriter out, Statement sql, int year) throws SQLException {
        out.println("== Organizations by type, FY " + year + " (national rollups)");
        try (ResultSet rows = sql.executeQuery("SELECT org_type, organizations, mean_total, passing FROM v_area_rollups "
                + "WHERE area_level = 'NATIONAL' AND fiscal_year = " + year + " ORDER BY org_type = '', "
                + "organizations DESC, org_type")) {
            while (rows.next()) {
                String type = rows.getString(1).isEmpty() ? "all types" : rows.getString(1);
                int organizations = rows.getInt(2);
                out.printf(Locale.ROOT, "  %-40s %,6d  mean %6s  passing %5.1f %%%n", type, organizations,
                        rows.getBigDecimal(3).setScale(2).toPlainString(), 100.0 * rows.getInt(4) / organizations);
            }
        }
    }

    private void printProvinces(PrintWriter out, Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                String code = rows.getString(1);
                String name = geography.province(code).map(Province::nameTh).orElse(code);
                out.printf(Locale.ROOT, "    %-2s %-18s %6s  (%d organizations)%n", code, name,
                        rows.getBigDecimal(2).setScale(2).toPlainString(), rows.getInt(3));
            }
        }
    }

    public static long scalar(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
