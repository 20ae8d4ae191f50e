package org.itapipe.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.itapipe.config.ConfigSource;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.KafkaClients;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.RowMapper;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.sink.load.Table;
import org.itapipe.sink.load.Tables;

/**
 * Sink: a fresh sink loads everything the ingest and streams benchmarks left in the topics, timed from its start until
 * it has committed the last record. Two peers: ClickHouse's own bulk insert over HTTP of the rows the sink left in
 * each table (exported as RowBinary, posted into a copy of the table), and what a ClickHouse user would set up
 * instead of a sink: ClickHouse's Kafka table engine reading the gaps topic itself ({@code AvroConfluent} with the
 * registry), a materialized view turning each record into its ten indicator rows as the sink does.
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

    /** The sink against HTTP RowBinary, and against ClickHouse's Kafka engine. */
    List<BenchReport.Line> measure() throws Exception {
        Map<TopicPartition, Long> targets = lastRecordOffsets();
        SinkApplication.migrate(endpoints.connections(), methodologies);
        SinkSettings settings = SinkSettings.from(ConfigSource.of(Map.of(StackEndpoints.AUTO_REGISTER, "true"), Map.of())).with(GROUP, 0);
        double seconds;
        double rows;
        long gapRows;
        try (Admin admin = Admin.create(endpoints.connections().kafka().clientProperties())) {
            long started = System.nanoTime();
            try (SinkApplication sink = SinkApplication.start(endpoints.connections(), settings, methodologies,
                    SinkLoader.AfterInsert.NOTHING)) {
                new GroupDrain(admin).await(GROUP, () -> targets, TIMEOUT);
                seconds = (System.nanoTime() - started) / 1e9;
                ServiceMetrics metrics = ServiceMetrics.scrape(sink.httpPort());
                rows = metrics.sum("itapipe_sink_rows_total");
                gapRows = (long) metrics.value("itapipe_sink_rows_total", "table", Tables.INDICATOR_GAPS.name());
            }
        }
        double measured = rows / seconds;
        double peer = peerRowsPerSecond();
        double engine = kafkaEngineRowsPerSecond(gapRows);
        String figure = "Kafka -> ClickHouse, " + (long) rows + " rows";
        return List.of(
                new BenchReport.Line("sink", figure, measured, "rows/s", "HTTP RowBinary insert", peer,
                        List.of(new BenchReport.Goal("ratio >= 0.80", measured / peer >= 0.8))),
                new BenchReport.Line("sink", figure + " (peer: the gaps topic alone, " + gapRows + " rows)", measured,
                        "rows/s", "ClickHouse Kafka engine", engine, List.of()));
    }

    /**
     * ClickHouse consuming the gaps topic with its Kafka engine (its own consumer group, from the earliest offset,
     * read_committed as librdkafka defaults to) into a plain MergeTree through an {@code ARRAY JOIN} view, timed from
     * the view's creation (which starts the consumption) until all {@code expectedRows} are in the table.
     */
    private double kafkaEngineRowsPerSecond(long expectedRows) throws Exception {
        ClickHouseHttp http = new ClickHouseHttp(endpoints.clickhouseHttp(), endpoints.connections().clickhouse());
        http.query("CREATE TABLE bench_kafka_gaps (orgCode String, fiscalYear Int32, revision Int64, "
                + "total Decimal(5, 2), level String, nextLevel Nullable(String), "
                + "gapToNextLevel Nullable(Decimal(5, 2)), indicators Array(Tuple(indicator Int32, "
                + "score Decimal(5, 2), gapTo100 Decimal(5, 2), weightInTotal Decimal(5, 4), "
                + "pointsRecoverable Decimal(5, 2), rank Int32))) ENGINE = Kafka SETTINGS "
                + "kafka_broker_list = '" + endpoints.connections().kafka().bootstrapServers() + "', "
                + "kafka_topic_list = '" + Topics.INDICATOR_GAPS.name() + "', "
                + "kafka_group_name = 'bench-kafka-engine-" + UUID.randomUUID() + "', "
                + "kafka_format = 'AvroConfluent', kafka_flush_interval_ms = 100, "
                + "format_avro_schema_registry_url = '" + endpoints.connections().registry().url() + "'");
        http.query("CREATE TABLE bench_kafka_gap_rows (org_code String, fiscal_year UInt16, revision UInt64, "
                + "total Decimal(5, 2), level LowCardinality(String), next_level Nullable(String), "
                + "gap_to_next_level Nullable(Decimal(5, 2)), indicator UInt8, score Decimal(5, 2), "
                + "gap_to_100 Decimal(5, 2), weight_in_total Decimal(5, 4), points_recoverable Decimal(5, 2), "
                + "recoverable_rank UInt8) ENGINE = MergeTree ORDER BY (org_code, fiscal_year, indicator)");
        try {
            long started = System.nanoTime();
            http.query("CREATE MATERIALIZED VIEW bench_kafka_gaps_view TO bench_kafka_gap_rows AS SELECT "
                    + "orgCode AS org_code, fiscalYear AS fiscal_year, revision, total, level, "
                    + "nextLevel AS next_level, gapToNextLevel AS gap_to_next_level, gap.indicator AS indicator, "
                    + "gap.score AS score, gap.gapTo100 AS gap_to_100, gap.weightInTotal AS weight_in_total, "
                    + "gap.pointsRecoverable AS points_recoverable, gap.rank AS recoverable_rank "
                    + "FROM bench_kafka_gaps ARRAY JOIN indicators AS gap");
            long deadline = started + TIMEOUT.toNanos();
            while (count(http, "bench_kafka_gap_rows") < expectedRows) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ClickHouse's Kafka engine loaded " + count(http,
                            "bench_kafka_gap_rows") + " of " + expectedRows + " rows within " + TIMEOUT);
                }
                Thread.sleep(50);
            }
            return expectedRows / ((System.nanoTime() - started) / 1e9);
        } finally {
            for (String object : List.of("VIEW bench_kafka_gaps_view", "TABLE bench_kafka_gaps",
                    "TABLE bench_kafka_gap_rows")) {
                http.query("DROP " + object + " SYNC");
            }
        }
    }

    private static long count(ClickHouseHttp http, String table) throws Exception {
        return Long.parseLong(new String(http.query("SELECT count() FROM " + table), StandardCharsets.UTF_8).strip());
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
