package org.itapipe.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.itapipe.config.ClickHouseSettings;

/** Runs SQL as a given user and waits for results, as an analyst at a SQL console would. */
public final class ClickHouseQueries {

    private ClickHouseQueries() {
    }

    public static List<Map<String, Object>> query(ClickHouseSettings user, String sql) {
        try (Connection connection = DriverManager.getConnection(user.jdbcUrl(), user.user(), user.password().value()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Repeats the query until its rows satisfy {@code done} (or 90 s pass) and returns the last rows. */
    public static List<Map<String, Object>> awaitRows(ClickHouseSettings user, String sql,
                                               Predicate<List<Map<String, Object>>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<Map<String, Object>> rows = List.of();
        while (System.nanoTime() < deadline) {
            try {
                rows = query(user, sql);
                if (done.test(rows)) {
                    return rows;
                }
            } catch (IllegalStateException notYet) {
                // Views appear with the migrations; the sink may not have created them yet.
            }
            Thread.sleep(250);
        }
        return rows;
    }
}
