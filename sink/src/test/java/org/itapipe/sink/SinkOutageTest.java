package org.itapipe.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StandaloneClickHouse;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.testkit.ClickHouseQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ClickHouse goes away for a while: the sink reports itself unhealthy, waits, and loses nothing. */
@ExtendWith(EmbeddedStackExtension.class)
class SinkOutageTest {

    @TempDir
    Path stateDir;

    @Test
    void submissionsSentWhileClickHouseIsDownAreAllLoadedOnceItIsBack(StackEndpoints stack) throws Exception {
        try (StandaloneClickHouse clickhouse = StandaloneClickHouse.start(stateDir)) {
            Connections connections = new Connections(stack.connections().kafka(), stack.connections().registry(),
                    clickhouse.writer());
            SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true", "sink.batch.max-age-ms", "200",
                    "sink.retry.max-backoff-ms", "1000"), Map.of())).with("itapipe-sink-outage-" + UUID.randomUUID(), 0);
            // Districts of their own: no other test of this JVM writes 78xx.
            String before = "7810";
            String during = "7811";
            try (SinkApplication sink = SinkApplication.start(connections, settings, MethodologyCatalog.builtIn(),
                    SinkLoader.AfterInsert.NOTHING)) {
                SinkFaultTest.produce(stack, before);
                assertThat(visible(clickhouse, before)).isEqualTo(SinkFaultTest.ORGANIZATIONS);

                clickhouse.stop();
                SinkFaultTest.produce(stack, during);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (sink.healthy() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(sink.healthy()).as("unhealthy while ClickHouse is down").isFalse();
                Thread.sleep(2_000);
                clickhouse.restart();

                assertThat(visible(clickhouse, during)).isEqualTo(SinkFaultTest.ORGANIZATIONS);
                assertThat(visible(clickhouse, before)).isEqualTo(SinkFaultTest.ORGANIZATIONS);
                assertThat(sink.healthy()).isTrue();
            }
        }
    }

    private static int visible(StandaloneClickHouse clickhouse, String district) throws InterruptedException {
        List<Map<String, Object>> rows = ClickHouseQueries.awaitRows(clickhouse.analyst(),
                "SELECT count() AS n FROM v_latest_submissions WHERE district_code = '" + district + "'",
                r -> ((Number) r.get(0).get("n")).intValue() >= SinkFaultTest.ORGANIZATIONS);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("n")).intValue();
    }
}
