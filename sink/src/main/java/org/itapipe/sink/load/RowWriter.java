package org.itapipe.sink.load;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where the loader's rows go: ClickHouse ({@link ClickHouseWriter}) in the service, a list in the loader's unit tests,
 * so that its retry, one-by-one and dead-letter paths are tested without a database.
 */
public interface RowWriter extends AutoCloseable {

    /** Inserts every table's rows; fails if any insert failed (then some tables may hold their rows already). */
    void insert(Map<Table, List<Row>> rows) throws SQLException;

    /**
     * Whether the same insert can succeed later (the database was unreachable or timed out), as opposed to rows the
     * database refuses every time.
     */
    boolean isTransient(SQLException failure);

    @Override
    void close();
}
