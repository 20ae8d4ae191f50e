package org.itapipe.sink.notify;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.BackgroundService;
import org.itapipe.sink.KafkaClients;

/** The notifier service: the delivery loop in its own thread, with {@code /health} and {@code /metrics}. */
public final class NotifierApplication implements AutoCloseable {

    private final BackgroundService service;

    private NotifierApplication(BackgroundService service) {
        this.service = service;
    }

    public static NotifierApplication start(Connections connections, NotifierSettings settings,
                                            MethodologyCatalog methodologies) {
        TopicSetup.createMissing(connections.kafka(), settings.replicationFactor());
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections, settings.groupId(), 100);
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(connections);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Notifier notifier = new Notifier(consumer, serdes.value(Topics.OIT_ALERTS).deserializer(), producer,
                serdes.value(Topics.DEAD_LETTERS).serializer(), settings, new AlertMessage(methodologies), metrics);
        return new NotifierApplication(BackgroundService.start("itapipe-notifier", notifier, notifier::stop,
                List.of(() -> consumer.close(Duration.ofSeconds(5)), () -> producer.close(Duration.ofSeconds(5))),
                () -> true, metrics, settings.httpHost(), settings.httpPort()));
    }

    public int httpPort() {
        return service.httpPort();
    }

    @Override
    public void close() {
        service.close();
    }
}
