package org.itapipe.sink.load;

import java.util.Collections;
import java.util.List;

/** A ClickHouse table the sink writes, and the columns it writes, in order. */
public record Table(String name, List<String> columns) {

    public Table {
        columns = List.copyOf(columns);
    }

    public static Table of(String name, String... columns) {
        return new Table(name, List.of(columns));
    }

    public String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }
}
