package org.itapipe.notifier;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.itapipe.config.Connections;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.BackgroundService;
import org.itapipe.service.KafkaClients;

/**
 * The notifier service: one delivery worker per destination (and a digest worker where it has a schedule), with
 * {@code /health} and {@code /metrics}.
 */
public final class NotifierApplication implements AutoCloseable {

    private final BackgroundService service;

    private NotifierApplication(BackgroundService service) {
        this.service = service;
    }

    public static NotifierApplication start(Connections connections, NotifierSettings settings,
                                            MethodologyCatalog methodologies, OrganizationRegistry organizations) {
        TopicSetup.createMissing(connections.kafka(), settings.topics());
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()),
                settings.autoRegisterSchemas());
        KafkaProducer<String, byte[]> producer = KafkaClients.producer(connections);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Clock clock = Clock.systemUTC();
        AlertMessage messages = new AlertMessage(methodologies, Geography.thailand(), SuggestedActions.builtIn(),
                settings.webUrl());
        Function<String, OrganizationType> typeOf = code -> organizations.find(code).map(Organization::type)
                .orElse(OrganizationType.OTHER);
        Parking parking = new Parking(producer, serdes.value(Topics.NOTIFIER_PARKED).serializer(), clock);
        List<AutoCloseable> resources = new ArrayList<>();
        List<DeliveryWorker> deliveries = new ArrayList<>();
        List<DigestWorker> digests = new ArrayList<>();
        for (Destination destination : settings.destinations()) {
            Channel channel = channel(destination, settings);
            KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections,
                    settings.groupOf(destination), settings.membership(), 100);
            resources.add(() -> consumer.close(Duration.ofSeconds(2)));
            deliveries.add(new DeliveryWorker(destination, channel, consumer,
                    serdes.value(Topics.OIT_ALERTS).deserializer(), parking, messages, typeOf, settings,
                    new DestinationMetrics(metrics, destination.name(), clock), clock));
            if (destination.digest().isPresent()) {
                KafkaConsumer<String, byte[]> reader = KafkaClients.consumer(connections,
                        settings.groupOf(destination) + ".digest", settings.membership(), 500);
                resources.add(() -> reader.close(Duration.ofSeconds(2)));
                digests.add(new DigestWorker(destination, channel, reader, producer,
                        serdes.value(Topics.OIT_ALERTS).deserializer(),
                        serdes.value(Topics.NOTIFIER_DIGESTS).deserializer(),
                        serdes.value(Topics.NOTIFIER_DIGESTS).serializer(), messages, typeOf, settings, clock));
            }
        }
        resources.add(() -> producer.close(Duration.ofSeconds(2)));
        Notifier notifier = new Notifier(deliveries, digests);
        return new NotifierApplication(BackgroundService.start(new BackgroundService.Loop("itapipe-notifier",
                notifier, notifier::stop, resources, Map.of()), connections.kafka(), settings.http(), metrics));
    }

    /** The channel a destination's kind needs. */
    static Channel channel(Destination destination, NotifierSettings settings) {
        return destination instanceof Destination.Email ? new EmailChannel(settings.smtp()) : new WebhookChannel();
    }

    public int httpPort() {
        return service.httpPort();
    }

    @Override
    public void close() {
        service.close();
    }
}
