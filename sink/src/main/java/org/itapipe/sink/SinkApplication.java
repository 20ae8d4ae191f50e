package org.itapipe.sink;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.BackgroundService;
import org.itapipe.service.HealthCheck;
import org.itapipe.service.KafkaClients;
import org.itapipe.service.PeriodicCheck;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.RowMapper;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.sink.load.Tables;
import org.itapipe.sink.schema.MigrationException;
import org.itapipe.sink.schema.Migrations;
import org.itapipe.sink.schema.ReferenceTables;
import org.itapipe.sink.schema.WritableTables;

/**
 * The sink service: brings the ClickHouse schema up to date, then loads the pipeline's topics in a loader thread,
 * and serves {@code /health} (503 while Kafka or ClickHouse is unreachable, a batch waits for ClickHouse, or the
 * loader stopped) and {@code /metrics}
 * (rows per table, batch latency, consumer lag) in Prometheus format.
 */
public final class SinkApplication implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final SinkLoader loader;
    private final BackgroundService service;

    private SinkApplication(SinkLoader loader, BackgroundService service) {
        this.loader = loader;
        this.service = service;
    }

    public static SinkApplication start(Connections connections, SinkSettings settings,
                                        MethodologyCatalog methodologies, SinkLoader.AfterInsert afterInsert) {
        migrate(connections, methodologies);
        TopicSetup.createMissing(connections.kafka(), settings.topics());
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()),
                settings.autoRegisterSchemas());
        KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections, settings.groupId(),
                settings.membership(), settings.batchRecords());
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(connections);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new KafkaClientMetrics(consumer).bindTo(metrics);
        ClickHouseWriter writer = new ClickHouseWriter(connections.clickhouse());
        SinkLoader loader = new SinkLoader(consumer, producer, serdes.value(Topics.DEAD_LETTERS).serializer(),
                new RowMapper(serdes, methodologies), writer, settings, metrics, afterInsert);
        PeriodicCheck clickhouse = new PeriodicCheck("clickhouse",
                () -> ClickHouseWriter.problem(connections.clickhouse()), () -> { });
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("clickhouse", clickhouse);
        checks.put("loader", loader::health);
        return new SinkApplication(loader, BackgroundService.start(new BackgroundService.Loop("itapipe-sink-loader",
                loader, loader::stop, List.of(() -> consumer.close(CLOSE_TIMEOUT), () -> producer.close(CLOSE_TIMEOUT),
                        writer, clickhouse), checks), connections.kafka(), settings.http(), metrics));
    }

    /**
     * Applies the schema migrations, replaces the views and loads the reference tables (place and item names, the
     * items from the same methodologies the sink maps with), as the sink's (writer) user.
     */
    public static List<String> migrate(Connections connections, MethodologyCatalog methodologies) {
        try (Connection connection = ClickHouseWriter.connect(connections.clickhouse())) {
            List<String> applied = Migrations.apply(connection, Migrations.builtIn());
            WritableTables.require(connection, Tables.ALL);
            WritableTables.require(connection, Tables.REFERENCE);
            Migrations.replaceViews(connection);
            ReferenceTables.load(connection, Geography.thailand(), methodologies);
            return applied;
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to ClickHouse at " + connections.clickhouse().jdbcUrl()
                    + " as " + connections.clickhouse().user() + ": " + e.getMessage(), e);
        }
    }

    public boolean healthy() {
        return loader.healthy();
    }

    public int httpPort() {
        return service.httpPort();
    }

    /** Stops without committing anything more: like a crash, as far as offsets go. */
    @Override
    public void close() {
        service.close();
    }
}
