package org.itapipe.sink.load;

import java.util.Arrays;

/** One row for one table; values in the table's column order. */
public record Row(Table table, Object[] values) {

    public Row {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, got "
                    + values.length + " values");
        }
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
