package org.itapipe.sink.notify;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
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
import org.itapipe.sink.KafkaClients;

/** The notifier service: the delivery loop in its own thread, {@code /health} and {@code /metrics}. */
public final class NotifierApplication implements AutoCloseable {

    private final Notifier notifier;
    private final Thread thread;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Javalin http;

    private NotifierApplication(Notifier notifier, KafkaConsumer<String, byte[]> consumer,
                                KafkaProducer<String, byte[]> producer, Javalin http) {
        this.notifier = notifier;
        this.consumer = consumer;
        this.producer = producer;
        this.http = http;
        this.thread = new Thread(notifier, "itapipe-notifier");
    }

    public static NotifierApplication start(Connections connections, NotifierSettings settings,
                                            MethodologyCatalog methodologies) {
        try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
            TopicSetup.createMissing(admin, Topics.ALL, (short) 1);
        }
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections, settings.groupId(), 100);
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(connections);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Notifier notifier = new Notifier(consumer, serdes.value(Topics.OIT_ALERTS).deserializer(), producer,
                serdes.value(Topics.DEAD_LETTERS).serializer(), settings, new AlertMessage(methodologies), metrics);
        Javalin http = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health", ctx -> ctx.json(Map.of("status", "UP", "webhooks", settings.webhooks().size())))
                .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()))
                .start(settings.httpHost(), settings.httpPort());
        NotifierApplication application = new NotifierApplication(notifier, consumer, producer, http);
        application.thread.start();
        return application;
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() {
        notifier.stop();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
        http.stop();
    }
}
