package org.itapipe.sink.schema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.Table;
import org.itapipe.sink.load.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink's column bindings against the tables the migrations made, on a real ClickHouse. */
@ExtendWith(EmbeddedStackExtension.class)
class WritableTablesTest {

    @Test
    void theBuiltInBindingsAreTheMigratedTablesColumns(StackEndpoints stack) throws Exception {
        SinkApplication.migrate(stack.connections(), MethodologyCatalog.builtIn());
        try (Connection connection = ClickHouseWriter.connect(stack.connections().clickhouse())) {
            assertThatCode(() -> WritableTables.require(connection, Tables.ALL)).doesNotThrowAnyException();
            assertThatCode(() -> WritableTables.require(connection, Tables.REFERENCE)).doesNotThrowAnyException();
        }
    }

    @Test
    void aBindingThatDriftedFromTheMigrationsIsRefusedNamingTableAndColumn(StackEndpoints stack) throws Exception {
        SinkApplication.migrate(stack.connections(), MethodologyCatalog.builtIn());
        List<String> withDroppedName = new ArrayList<>(Tables.SUBMISSION_ITEMS.columns());
        withDroppedName.add("item_name_th");
        List<String> withoutScore = new ArrayList<>(Tables.INDICATOR_GAPS.columns());
        withoutScore.remove("score");
        try (Connection connection = ClickHouseWriter.connect(stack.connections().clickhouse())) {
            assertThatThrownBy(() -> WritableTables.require(connection, List.of(
                    new Table("submission_items", withDroppedName), new Table("indicator_gaps", withoutScore),
                    Table.of("no_such_table", "x"))))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("submission_items.item_name_th is written by the sink but is not a column")
                    .hasMessageContaining("indicator_gaps.score has no default and is not written by the sink")
                    .hasMessageContaining("table no_such_table does not exist");
        }
    }
}
