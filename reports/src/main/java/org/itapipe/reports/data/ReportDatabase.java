package org.itapipe.reports.data;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.reports.data.PageData.AreaFigures;
import org.itapipe.reports.data.PageData.ItemCount;
import org.itapipe.reports.data.PageData.Mover;
import org.itapipe.reports.data.PageData.OpenAlert;
import org.itapipe.reports.data.PageData.ProvinceRow;
import org.itapipe.reports.model.OrganizationFacts;
import org.itapipe.reports.model.OrganizationFacts.FlagNote;
import org.itapipe.reports.model.OrganizationFacts.IndicatorGap;
import org.itapipe.reports.model.OrganizationFacts.PreviousYear;
import org.itapipe.reports.model.OrganizationFacts.Rank;
import org.itapipe.reports.model.OrganizationFacts.Ranks;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.sink.load.ClickHouseWriter;

/**
 * Reads what reports and pages show from the analyst views (sink/views.sql), with the read-only analyst user. Each
 * call runs its queries on a connection of its own, so one instance serves any number of threads.
 */
public final class ReportDatabase {

    private static final String INDICATORS = "ind_1, ind_2, ind_3, ind_4, ind_5, ind_6, ind_7, ind_8, ind_9, ind_10";
    private static final int LIST_LIMIT = 10;

    private final ClickHouseSettings analyst;

    public ReportDatabase(ClickHouseSettings analyst) {
        this.analyst = analyst;
    }

    /** The fiscal years with data, newest first. */
    public List<Integer> years() throws SQLException {
        try (Session session = new Session()) {
            List<Integer> years = new ArrayList<>();
            session.query("SELECT DISTINCT fiscal_year FROM v_latest_submissions ORDER BY fiscal_year DESC", List.of(),
                    row -> years.add(row.getInt(1)));
            return years;
        }
    }

    /** The organization's line in v_province_comparison with its latest revision and flags. */
    private record Head(String nameTh, OrganizationType type, String districtCode, String provinceCode,
                        BigDecimal total, String level, String levelTh, boolean passing, Ranks ranks, long revision,
                        List<FlagNote> flags, SortedMap<Integer, BigDecimal> indicators) {
    }

    /** The latest submission of an organization and year with everything its report shows, if there is one. */
    public Optional<OrganizationFacts> organization(String code, int year) throws SQLException {
        try (Session session = new Session()) {
            List<Head> heads = new ArrayList<>();
            session.query("SELECT c.org_name_th, c.org_type, c.district_code, c.province_code, c.total, c.level, c.level_th, "
                    + "c.passing, c.rank_in_district, c.organizations_in_district, c.rank_in_province, "
                    + "c.organizations_in_province, c.rank_in_province_by_type, c.organizations_of_type_in_province, "
                    + "c.rank_national_by_type, c.organizations_of_type_national, s.revision, s.flags, s.flag_fields, "
                    + "s.flag_messages, " + prefixed("c.") + " FROM v_province_comparison AS c INNER JOIN "
                    + "v_latest_submissions AS s ON s.org_code = c.org_code AND s.fiscal_year = c.fiscal_year "
                    + "WHERE c.org_code = ? AND c.fiscal_year = ?", List.of(code, year), row -> heads.add(new Head(
                        row.getString(1), OrganizationType.valueOf(row.getString(2)), row.getString(3),
                        row.getString(4), row.getBigDecimal(5), row.getString(6), row.getString(7), row.getInt(8) == 1,
                        new Ranks(Optional.ofNullable(rank(row, 9)), rank(row, 11), rank(row, 13), rank(row, 15)),
                        row.getLong(17), flags(row), indicators(row, 21))));
            if (heads.isEmpty()) {
                return Optional.empty();
            }
            Head head = heads.get(0);
            SortedMap<String, BigDecimal> items = new TreeMap<>();
            session.query("SELECT item_code, score FROM submission_items FINAL WHERE org_code = ? AND fiscal_year = ? "
                    + "AND revision = ?", List.of(code, year, head.revision()), row -> items.put(row.getString(1),
                    row.getBigDecimal(2)));
            List<IndicatorGap> gaps = new ArrayList<>();
            session.query("SELECT indicator, weight_in_total, points_recoverable FROM v_indicator_gaps WHERE org_code = ? "
                    + "AND fiscal_year = ? ORDER BY indicator", List.of(code, year), row -> gaps.add(new IndicatorGap(
                    row.getInt(1), row.getBigDecimal(2), row.getBigDecimal(3))));
            List<BigDecimal> provinceTotals = new ArrayList<>();
            session.query("SELECT total FROM v_latest_submissions WHERE province_code = ? AND fiscal_year = ?",
                    List.of(head.provinceCode(), year), row -> provinceTotals.add(row.getBigDecimal(1)));
            return Optional.of(new OrganizationFacts(code, head.nameTh(), head.type(), head.districtCode(),
                    head.provinceCode(), year, head.total(), head.level(), head.levelTh(), head.passing(),
                    head.indicators(), items, gaps, head.flags(), head.ranks(), provinceTotals,
                    previousYear(session, code, year - 1)));
        }
    }

    private Optional<PreviousYear> previousYear(Session session, String code, int year) throws SQLException {
        List<PreviousYear> found = new ArrayList<>();
        session.query("SELECT total, level, level_th, " + INDICATORS + " FROM v_province_comparison WHERE org_code = ? "
                + "AND fiscal_year = ?", List.of(code, year), row -> found.add(new PreviousYear(year,
                row.getBigDecimal(1), row.getString(2), row.getString(3), indicators(row, 4))));
        return found.stream().findFirst();
    }

    /** Everything the province page shows for a year; rows ranked in the province. */
    public PageData.Province province(String code, int year) throws SQLException {
        try (Session session = new Session()) {
            List<ProvinceRow> rows = new ArrayList<>();
            session.query("SELECT org_code, org_name_th, org_type, district_code, total, level_th, passing, rank_in_province, "
                    + "rank_in_district, rank_in_province_by_type, " + INDICATORS + " FROM v_province_comparison "
                    + "WHERE province_code = ? AND fiscal_year = ? ORDER BY rank_in_province, org_code",
                    List.of(code, year), row -> rows.add(new ProvinceRow(row.getString(1), row.getString(2),
                            OrganizationType.valueOf(row.getString(3)), row.getString(4), row.getBigDecimal(5),
                            row.getString(6), row.getInt(7) == 1, List.copyOf(indicators(row, 11).values()),
                            row.getInt(8), row.getObject(9) == null ? null : row.getInt(9), row.getInt(10))));
            List<Mover> risers = movers(session, code, year, "riser_rank");
            List<Mover> fallers = movers(session, code, year, "faller_rank");
            List<ItemCount> failed = new ArrayList<>();
            session.query("SELECT item_code, any(item_name_th), count() AS n FROM v_oit_items_at_or_below_threshold "
                    + "WHERE province_code = ? AND fiscal_year = ? GROUP BY item_code ORDER BY n DESC, substring(item_code, 1, 1), toUInt8OrZero(substring(item_code, 2)) "
                    + "LIMIT " + LIST_LIMIT, List.of(code, year), row -> failed.add(new ItemCount(row.getString(1),
                    row.getString(2), row.getInt(3))));
            List<OpenAlert> alerts = new ArrayList<>();
            session.query("SELECT org_code, org_name_th, item_code, score, changed_at FROM v_alert_states WHERE "
                    + "province_code = ? AND fiscal_year = ? AND state = 'OPEN' ORDER BY score, org_code, item_code "
                    + "LIMIT 50", List.of(code, year), row -> alerts.add(new OpenAlert(row.getString(1),
                    row.getString(2), row.getString(3), row.getBigDecimal(4), row.getTimestamp(5).toInstant())));
            int[] openCount = new int[1];
            session.query("SELECT count() FROM v_alert_states WHERE province_code = ? AND fiscal_year = ? AND state = 'OPEN'",
                    List.of(code, year), row -> openCount[0] = row.getInt(1));
            return new PageData.Province(code, year, rows, figures(session, "PROVINCE", code, year), risers, fallers, failed,
                    alerts, openCount[0]);
        }
    }

    /** Every province's figures over all types and the country's per type, for a year. */
    public PageData.National national(int year) throws SQLException {
        try (Session session = new Session()) {
            List<AreaFigures> provinces = new ArrayList<>();
            session.query(figuresQuery("area_level = 'PROVINCE' AND org_type = '' AND fiscal_year = ?") + " ORDER BY area_code",
                    List.of(year), row -> provinces.add(figures(row)));
            return new PageData.National(year, provinces, figures(session, "NATIONAL", "TH", year));
        }
    }

    private List<AreaFigures> figures(Session session, String level, String area, int year)
            throws SQLException {
        List<AreaFigures> figures = new ArrayList<>();
        session.query(figuresQuery("area_level = ? AND area_code = ? AND fiscal_year = ?") + " ORDER BY org_type",
                List.of(level, area, year), row -> figures.add(figures(row)));
        return figures;
    }

    private static String figuresQuery(String where) {
        return "SELECT area_code, org_type, organizations, mean_total, median_total, passing, with_oit_alert "
                + "FROM v_area_rollups WHERE " + where;
    }

    private static AreaFigures figures(ResultSet row) throws SQLException {
        return new AreaFigures(row.getString(1), row.getString(2), row.getInt(3), row.getBigDecimal(4),
                row.getBigDecimal(5), row.getInt(6), row.getInt(7));
    }

    private List<Mover> movers(Session session, String province, int year, String rankColumn)
            throws SQLException {
        List<Mover> movers = new ArrayList<>();
        session.query("SELECT m.org_code, s.org_name_th, m.total, m.previous_total, m.total_delta FROM v_yoy_movers AS m "
                + "INNER JOIN v_latest_submissions AS s ON s.org_code = m.org_code AND s.fiscal_year = m.fiscal_year "
                + "WHERE m.province_code = ? AND m.fiscal_year = ? AND m." + rankColumn + " <= " + LIST_LIMIT
                + " ORDER BY m." + rankColumn, List.of(province, year), row -> movers.add(new Mover(
                row.getString(1), row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5))));
        return movers;
    }

    private static String prefixed(String alias) {
        return String.join(", ", Arrays.stream(INDICATORS.split(", ")).map(column -> alias + column).toList());
    }

    private static SortedMap<Integer, BigDecimal> indicators(ResultSet row, int first) throws SQLException {
        SortedMap<Integer, BigDecimal> indicators = new TreeMap<>();
        for (int number = 1; number <= 10; number++) {
            indicators.put(number, row.getBigDecimal(first + number - 1));
        }
        return indicators;
    }

    private static Rank rank(ResultSet row, int column) throws SQLException {
        Object rank = row.getObject(column);
        return rank == null ? null : new Rank(((Number) rank).intValue(), row.getInt(column + 1));
    }

    private static List<FlagNote> flags(ResultSet row) throws SQLException {
        String[] rules = strings(row.getArray(18));
        String[] fields = strings(row.getArray(19));
        String[] messages = strings(row.getArray(20));
        List<FlagNote> flags = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            flags.add(new FlagNote(i < fields.length ? fields[i] : "", rules[i], i < messages.length ? messages[i] : ""));
        }
        return flags;
    }

    private static String[] strings(Array array) throws SQLException {
        Object values = array == null ? null : array.getArray();
        if (values instanceof Object[] objects) {
            return Arrays.stream(objects).map(String::valueOf).toArray(String[]::new);
        }
        return new String[0];
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** One connection for the queries of one page or report. */
    private final class Session implements AutoCloseable {

        private final Connection connection = ClickHouseWriter.connect(analyst);

        Session() throws SQLException {
        }

        void query(String sql, List<?> parameters, RowReader reader) throws SQLException {
            ReportDatabase.query(connection, sql, parameters, reader);
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static void query(Connection connection, String sql, List<?> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
