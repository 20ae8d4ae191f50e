package org.itapipe.sink.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.itapipe.config.ClickHouseSettings;

/**
 * Writes rows through the ClickHouse JDBC driver, one batched insert per table, on {@value #LANES} connections at
 * once: a batch touches up to seven tables, and one insert after the other made a small batch take seconds on a busy
 * machine. Every table but the last of the map is written concurrently; the last one is written once they are all
 * in ({@link Batch#byTable} puts the latest submissions there, so the views never show a submission without its scores).
 * Each lane keeps its prepared inserts with its connection: preparing one asks the server for the table's columns.
 */
public final class ClickHouseWriter implements RowWriter {

    static final int LANES = 3;

    private final ClickHouseSettings settings;
    private final List<Lane> lanes = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(LANES, runnable -> {
        Thread thread = new Thread(runnable, "itapipe-sink-insert");
        thread.setDaemon(true);
        return thread;
    });

    public ClickHouseWriter(ClickHouseSettings settings) {
        this.settings = settings;
        for (int i = 0; i < LANES; i++) {
            lanes.add(new Lane());
        }
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

    /** Empty when ClickHouse answers a query as the writer; otherwise why not, for the sink's /health. */
    public static Optional<String> problem(ClickHouseSettings settings) {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("ClickHouse at " + settings.jdbcUrl() + " does not answer: " + e.getMessage());
        }
    }

    @Override
    public void insert(Map<Table, List<Row>> rows) throws SQLException {
        List<Map.Entry<Table, List<Row>>> tables = new ArrayList<>(rows.entrySet());
        if (tables.isEmpty()) {
            return;
        }
        List<Future<?>> concurrent = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            List<Map.Entry<Table, List<Row>>> share = new ArrayList<>();
            for (int i = lane; i < tables.size() - 1; i += LANES) {
                share.add(tables.get(i));
            }
            Lane writer = lanes.get(lane);
            concurrent.add(threads.submit(() -> {
                for (Map.Entry<Table, List<Row>> table : share) {
                    writer.insert(table.getKey(), table.getValue());
                }
                return null;
            }));
        }
        awaitAll(concurrent);
        Map.Entry<Table, List<Row>> last = tables.get(tables.size() - 1);
        lanes.get(0).insert(last.getKey(), last.getValue());
    }

    /** Waits for every insert; the first failure is thrown once all have ended, so no lane is still writing. */
    private static void awaitAll(List<Future<?>> inserts) throws SQLException {
        SQLException failure = null;
        for (Future<?> insert : inserts) {
            try {
                insert.get();
            } catch (ExecutionException e) {
                SQLException cause = e.getCause() instanceof SQLException sql ? sql
                        : new SQLException(String.valueOf(e.getCause().getMessage()), e.getCause());
                failure = failure == null ? cause : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? new SQLTransientException("interrupted while inserting", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One connection and the inserts prepared on it; a failure drops both, the next insert reconnects. */
    private final class Lane {

        private final Map<Table, PreparedStatement> inserts = new HashMap<>();
        private Connection connection;

        synchronized void insert(Table table, List<Row> rows) throws SQLException {
            try {
                if (connection == null) {
                    connection = connect(settings);
                }
                PreparedStatement insert = inserts.get(table);
                if (insert == null) {
                    insert = connection.prepareStatement(table.insertSql());
                    inserts.put(table, insert);
                }
                for (Row row : rows) {
                    row.bind(insert);
                }
                insert.executeBatch();
            } catch (SQLException | RuntimeException e) {
                close();
                throw e instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
            }
        }

        synchronized void close() {
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

    /**
     * Whether retrying later can succeed: the server was unreachable or timed out. A refused row (wrong type, bad
     * value) fails the same way every time.
     */
    @Override
    public boolean isTransient(SQLException e) {
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
        threads.shutdownNow();
        lanes.forEach(Lane::close);
    }
}
