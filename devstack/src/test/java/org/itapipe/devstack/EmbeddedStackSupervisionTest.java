package org.itapipe.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.itapipe.config.ClickHouseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack of its own, whose ClickHouse is killed under it: the stack starts it again with its data. */
class EmbeddedStackSupervisionTest {

    @TempDir
    Path stateDir;

    @Test
    void aClickHouseKilledUnderTheStackIsStartedAgainWithItsData() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(StackOptions.forTests(stateDir))) {
            ClickHouseSettings writer = stack.connections().clickhouse();
            try (Connection jdbc = EmbeddedStackSmokeTest.connect(writer); Statement sql = jdbc.createStatement()) {
                sql.execute("CREATE TABLE kept (a UInt8) ENGINE = MergeTree ORDER BY a");
                sql.execute("INSERT INTO kept VALUES (7)");
            }
            long killed = stack.childProcesses().get("clickhouse");

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (stack.clickhouseRestarts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(stack.clickhouseRestarts()).isEqualTo(1);
            assertThat(stack.childProcesses().get("clickhouse")).isNotEqualTo(killed);
            try (Connection jdbc = EmbeddedStackSmokeTest.connect(writer); Statement sql = jdbc.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT sum(a) FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("the data outlives the process").isEqualTo(7);
            }
        }
    }
}
