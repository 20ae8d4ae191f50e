package org.itapipe.sink.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.itapipe.config.ClickHouseSettings;

/**
 * Writes rows through the ClickHouse JDBC driver: one batched insert per table. The prepared inserts are kept with
 * the connection: preparing one asks the server for the table's columns (RowBinary needs their types), a round trip
 * per table per batch that made small batches take seconds under load.
 */
public final class ClickHouseWriter implements AutoCloseable {

    private final ClickHouseSettings settings;
    private final Map<Table, PreparedStatement> inserts = new HashMap<>();
    private Connection connection;

    public ClickHouseWriter(ClickHouseSettings settings) {
        this.settings = settings;
    }

    public static Connection connect(ClickHouseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", settings.user());
        properties.put("password", settings.password().value());
        // Batched INSERT ... VALUES (?, ...) goes out as RowBinary instead of SQL text: about twice the rows per
        // second on this machine (issue 8's reference figures).
        properties.put("beta.row_binary_for_simple_insert", "true");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    void insert(Map<Table, List<Row>> rows) throws SQLException {
        try {
            if (connection == null) {
                connection = connect(settings);
            }
            for (Map.Entry<Table, List<Row>> table : rows.entrySet()) {
                PreparedStatement insert = inserts.get(table.getKey());
                if (insert == null) {
                    insert = connection.prepareStatement(table.getKey().insertSql());
                    inserts.put(table.getKey(), insert);
                }
                for (Row row : table.getValue()) {
                    for (int i = 0; i < row.values().length; i++) {
                        insert.setObject(i + 1, row.values()[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
        }
    }

    /**
     * Whether retrying later can succeed: the server was unreachable or timed out. A refused row (wrong type, bad
     * value) fails the same way every time.
     */
    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof IOException || message.contains("connect") || message.contains("timeout")
                    || message.contains("timed out") || message.contains("unreachable")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        inserts.clear(); // closed with their connection
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is dropped either way; the next insert opens a new one.
            }
            connection = null;
        }
    }
}
