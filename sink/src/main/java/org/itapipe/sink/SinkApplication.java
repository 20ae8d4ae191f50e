package org.itapipe.sink;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.RowMapper;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.sink.schema.MigrationException;
import org.itapipe.sink.schema.Migrations;

/**
 * The sink service: brings the ClickHouse schema up to date, then loads the pipeline's topics in a loader thread,
 * and serves {@code /health} (503 while ClickHouse is unreachable or the loader stopped) and {@code /metrics}
 * (rows per table, batch latency, consumer lag) in Prometheus format.
 */
public final class SinkApplication implements AutoCloseable {

    private final SinkLoader loader;
    private final Thread thread;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final ClickHouseWriter writer;
    private final Javalin http;

    private SinkApplication(SinkLoader loader, KafkaConsumer<String, byte[]> consumer,
                            KafkaProducer<String, byte[]> producer, ClickHouseWriter writer, Javalin http) {
        this.loader = loader;
        this.consumer = consumer;
        this.producer = producer;
        this.writer = writer;
        this.http = http;
        this.thread = new Thread(loader, "itapipe-sink-loader");
    }

    public static SinkApplication start(Connections connections, SinkSettings settings,
                                        MethodologyCatalog methodologies, SinkLoader.AfterInsert afterInsert) {
        migrate(connections);
        try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
            TopicSetup.createMissing(admin, Topics.ALL, settings.replicationFactor());
        }
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections, settings.groupId(),
                settings.batchRecords());
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(connections);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new KafkaClientMetrics(consumer).bindTo(metrics);
        ClickHouseWriter writer = new ClickHouseWriter(connections.clickhouse());
        SinkLoader loader = new SinkLoader(consumer, producer, serdes.value(Topics.DEAD_LETTERS).serializer(),
                new RowMapper(serdes, methodologies), writer, settings, metrics, afterInsert);
        Javalin http = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health", ctx -> ctx.status(loader.healthy() ? 200 : 503)
                        .json(Map.of("status", loader.healthy() ? "UP" : "DOWN")))
                .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()))
                .start(settings.httpHost(), settings.httpPort());
        SinkApplication application = new SinkApplication(loader, consumer, producer, writer, http);
        application.thread.start();
        return application;
    }

    /** Applies the schema migrations with the sink's (writer) credentials. */
    public static List<String> migrate(Connections connections) {
        try (Connection connection = ClickHouseWriter.connect(connections.clickhouse())) {
            return Migrations.apply(connection, Migrations.builtIn());
        } catch (SQLException e) {
            throw new MigrationException("cannot connect to ClickHouse at " + connections.clickhouse().jdbcUrl()
                    + " as " + connections.clickhouse().user() + ": " + e.getMessage(), e);
        }
    }

    public boolean healthy() {
        return loader.healthy();
    }

    public int httpPort() {
        return http.port();
    }

    /** Stops without committing anything more: like a crash, as far as offsets go. */
    @Override
    public void close() {
        loader.stop();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
        writer.close();
        http.stop();
    }
}
