package org.itapipe.sink.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/** One row for one table; values in the table's column order. */
public record Row(Table table, Object[] values) {

    public Row {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, got "
                    + values.length + " values");
        }
    }

    /** Binds the values to the table's insert (prepared from {@link Table#insertSql}) and adds them to its batch. */
    public void bind(PreparedStatement insert) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && row.table.equals(table) && Arrays.equals(row.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * table.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return table.name() + Arrays.toString(values);
    }
}
