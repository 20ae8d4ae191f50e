package org.itapipe.sink;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
        KafkaConsumer<String, byte[]> consumer = consumer(connections, settings);
        KafkaProducer<String, byte[]> producer = producer(connections);
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

    private static KafkaConsumer<String, byte[]> consumer(Connections connections, SinkSettings settings) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Derived topics are written in transactions: only committed results are loaded.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchRecords());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Connections connections) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
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
