package org.itapipe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.itapipe.config.ConfigSource;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.service.KafkaClients;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.RowMapper;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.sink.load.Table;
import org.itapipe.sink.load.Tables;

/**
 * Sink: a fresh sink loads everything the ingest and streams benchmarks left in the topics, timed from its start until
 * it has committed the last record; the peer is ClickHouse's own bulk insert over HTTP of the rows the sink left in
 * each table (exported as RowBinary, posted into a copy of the table).
 */
final class SinkBench {

    private static final String GROUP = "bench-sink";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final StackEndpoints endpoints;
    private final MethodologyCatalog methodologies;

    SinkBench(StackEndpoints endpoints, MethodologyCatalog methodologies) {
        this.endpoints = endpoints;
        this.methodologies = methodologies;
    }

    BenchReport.Line measure() throws Exception {
        Map<TopicPartition, Long> targets = lastRecordOffsets();
        SinkApplication.migrate(endpoints.connections());
        SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of(StackEndpoints.AUTO_REGISTER, "true"), Map.of())).with(GROUP, 0);
        double seconds;
        double rows;
        try (Admin admin = Admin.create(endpoints.connections().kafka().clientProperties())) {
            long started = System.nanoTime();
            try (SinkApplication sink = SinkApplication.start(endpoints.connections(), settings, methodologies,
                    SinkLoader.AfterInsert.NOTHING)) {
                new GroupDrain(admin).await(GROUP, () -> targets, TIMEOUT);
                seconds = (System.nanoTime() - started) / 1e9;
                rows = ServiceMetrics.scrape(sink.httpPort()).sum("itapipe_sink_rows_total");
            }
        }
        double measured = rows / seconds;
        double peer = peerRowsPerSecond();
        return new BenchReport.Line("sink", "Kafka -> ClickHouse, " + (long) rows + " rows", measured, "rows/s",
                "HTTP RowBinary insert", peer, List.of(new BenchReport.Goal("ratio >= 0.80", measured / peer >= 0.8)));
    }

    /**
     * Per partition, the offset after its last record. Topics written under exactly-once end with a transaction
     * marker, which a consumer never commits past, so the end offset itself would never be reached.
     */
    private Map<TopicPartition, Long> lastRecordOffsets() {
        Map<TopicPartition, Long> targets = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(endpoints.connections(), "bench-scan",
                1000)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : RowMapper.topics()) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                        info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                targets.put(partition, 0L);
                consumer.seek(partition, Math.max(0, ends.get(partition) - 1000));
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    targets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1,
                            Math::max);
                }
            }
        }
        return targets;
    }

    private double peerRowsPerSecond() throws Exception {
        ClickHouseHttp http = new ClickHouseHttp(endpoints.clickhouseHttp(), endpoints.connections().clickhouse());
        long rows = 0;
        long nanos = 0;
        for (Table table : Tables.ALL) {
            String copy = "bench_peer_" + table.name();
            byte[] data = http.query("SELECT * FROM " + table.name() + " FORMAT RowBinary");
            http.query("CREATE TABLE " + copy + " AS " + table.name());
            long started = System.nanoTime();
            rows += http.insert("INSERT INTO " + copy + " FORMAT RowBinary", data);
            nanos += System.nanoTime() - started;
            http.query("DROP TABLE " + copy);
        }
        return rows / (nanos / 1e9);
    }
}
