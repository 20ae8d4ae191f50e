package org.itapipe.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.itapipe.config.Connections;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.service.HealthCheck;
import org.itapipe.service.OperationsServer;
import org.itapipe.service.PeriodicCheck;

/**
 * The streams service: creates the topics it needs, runs the topology, and serves {@code /health} (200 while Kafka
 * answers and the application is RUNNING or REBALANCING, else 503 with the reason) and {@code /metrics} (Kafka Streams' own metrics,
 * including {@code late-revisions}, in Prometheus format).
 */
public final class StreamsApplication implements AutoCloseable {

    /** Long enough to commit the current transaction; short enough that a SIGTERM with Kafka gone is prompt. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final PeriodicCheck kafka;
    private final OperationsServer operations;

    private StreamsApplication(KafkaStreams streams, PeriodicCheck kafka, OperationsServer operations) {
        this.streams = streams;
        this.kafka = kafka;
        this.operations = operations;
    }

    public static StreamsApplication start(Connections connections, StreamsSettings settings,
                                           MethodologyCatalog methodologies) {
        TopicSetup.createMissing(connections.kafka(), settings.topics());
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()),
                settings.autoRegisterSchemas());
        KafkaStreams streams = new KafkaStreams(new ItaTopology(serdes, methodologies).build(),
                settings.streamsConfig(connections, serdes));
        // A failed stream thread is replaced rather than taking the whole application down.
        streams.setUncaughtExceptionHandler(exception ->
                StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new KafkaStreamsMetrics(streams).bindTo(metrics);
        PeriodicCheck kafka = PeriodicCheck.kafka(connections.kafka());
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("kafka", kafka);
        checks.put("streams", () -> {
            KafkaStreams.State state = streams.state();
            return HealthCheck.Health.of(state == KafkaStreams.State.RUNNING
                    || state == KafkaStreams.State.REBALANCING, "the application is " + state);
        });
        OperationsServer operations;
        try {
            operations = OperationsServer.start(settings.http(), checks, metrics);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        streams.start();
        return new StreamsApplication(streams, kafka, operations);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public int httpPort() {
        return operations.port();
    }

    @Override
    public void close() {
        operations.close();
        streams.close(CLOSE_TIMEOUT);
        kafka.close();
    }
}
