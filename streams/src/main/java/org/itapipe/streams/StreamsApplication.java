package org.itapipe.streams;

import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.itapipe.config.Connections;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;

/**
 * The streams service: creates the topics it needs, runs the topology, and serves {@code /health} (200 while the
 * application is RUNNING or REBALANCING, else 503 with its state) and {@code /metrics} (Kafka Streams' own metrics,
 * including {@code late-revisions}, in Prometheus format).
 */
public final class StreamsApplication implements AutoCloseable {

    private final KafkaStreams streams;
    private final Javalin http;

    private StreamsApplication(KafkaStreams streams, Javalin http) {
        this.streams = streams;
        this.http = http;
    }

    public static StreamsApplication start(Connections connections, StreamsSettings settings,
                                           MethodologyCatalog methodologies) {
        TopicSetup.createMissing(connections.kafka(), settings.replicationFactor());
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()),
                settings.autoRegisterSchemas());
        KafkaStreams streams = new KafkaStreams(new ItaTopology(serdes, methodologies).build(),
                settings.streamsConfig(connections, serdes));
        // A failed stream thread is replaced rather than taking the whole application down.
        streams.setUncaughtExceptionHandler(exception ->
                StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new KafkaStreamsMetrics(streams).bindTo(metrics);
        streams.start();
        Javalin http = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health", ctx -> {
                    KafkaStreams.State state = streams.state();
                    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
                    ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "streams", state.name()));
                })
                .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()))
                .start(settings.httpHost(), settings.httpPort());
        return new StreamsApplication(streams, http);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        streams.close(Duration.ofSeconds(30));
    }
}
