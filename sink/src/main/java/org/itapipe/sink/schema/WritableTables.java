package org.itapipe.sink.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.itapipe.sink.load.Table;

/**
 * The check, at sink start, that the columns the sink binds by name ({@link org.itapipe.sink.load.Tables}) are the
 * columns the migrations gave each table: every one it writes exists and can be written, and every column without a
 * default is one it writes. The migrations are the one definition of a table; a binding that drifted from them is
 * refused at start, naming the table and column, instead of failing every insert (and dead-lettering every row) later.
 */
public final class WritableTables {

    private WritableTables() {
    }

    public static void require(Connection connection, List<Table> tables) {
        Map<String, Map<String, String>> defaultKinds = columns(connection, tables);
        List<String> problems = new ArrayList<>();
        for (Table table : tables) {
            Map<String, String> existing = defaultKinds.getOrDefault(table.name(), Map.of());
            if (existing.isEmpty()) {
                problems.add("table " + table.name() + " does not exist");
                continue;
            }
            for (String column : table.columns()) {
                String kind = existing.get(column);
                if (kind == null) {
                    problems.add(table.name() + "." + column + " is written by the sink but is not a column");
                } else if (kind.equals("MATERIALIZED") || kind.equals("ALIAS")) {
                    problems.add(table.name() + "." + column + " is written by the sink but is " + kind);
                }
            }
            existing.forEach((column, kind) -> {
                if (kind.isEmpty() && !table.columns().contains(column)) {
                    problems.add(table.name() + "." + column + " has no default and is not written by the sink");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new MigrationException("the sink's tables (sink/…/load/Tables) do not match the migrations: "
                    + String.join("; ", problems));
        }
    }

    /** Each table's columns with their default kind ('' for none), as ClickHouse has them. */
    private static Map<String, Map<String, String>> columns(Connection connection, List<Table> tables) {
        String names = tables.stream().map(table -> "'" + table.name() + "'").distinct()
                .collect(Collectors.joining(", "));
        Map<String, Map<String, String>> columns = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table, name, default_kind FROM system.columns WHERE "
                     + "database = currentDatabase() AND table IN (" + names + ") ORDER BY table, position")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new LinkedHashMap<>())
                        .put(rows.getString(2), rows.getString(3));
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read the tables' columns: " + e.getMessage(), e);
        }
        return columns;
    }
}
