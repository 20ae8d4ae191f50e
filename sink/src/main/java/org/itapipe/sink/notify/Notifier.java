package org.itapipe.sink.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every OPEN and RESOLVED alert to every configured webhook, at most once per state change: the offset of
 * an alert is committed <em>before</em> it is sent, so neither a retry loop nor a restart sends it twice (a crash in
 * the middle of a delivery loses that one notification rather than repeating it). Each delivery carries a stable id
 * for receivers that want to be sure. Undecodable alert records go to the dead letters.
 */
public final class Notifier implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<OitAlert> alerts;
    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private final Serializer<DeadLetter> deadLetters;
    private final NotifierSettings settings;
    private final WebhookSender sender;
    private final AlertMessage messages;
    private final MeterRegistry metrics;
    private volatile boolean running = true;

    public Notifier(KafkaConsumer<String, byte[]> consumer, Deserializer<OitAlert> alerts,
                    KafkaProducer<String, byte[]> deadLetterProducer, Serializer<DeadLetter> deadLetters,
                    NotifierSettings settings, AlertMessage messages, MeterRegistry metrics) {
        this.consumer = consumer;
        this.alerts = alerts;
        this.deadLetterProducer = deadLetterProducer;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.sender = new WebhookSender(settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff());
        this.messages = messages;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.OIT_ALERTS.name()));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                    handle(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            return;
        }
        OitAlert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, e);
            return;
        }
        String body = messages.json(alert);
        for (Webhook webhook : settings.webhooks()) {
            boolean delivered = sender.send(webhook, AlertMessage.deliveryId(alert), body);
            Counter.builder("itapipe.notifier.deliveries").tag("webhook", webhook.name())
                    .tag("outcome", delivered ? "delivered" : "gave_up").register(metrics).increment();
            if (!delivered) {
                LOG.warn("webhook {} did not accept {} after {} attempts", webhook.name(),
                        AlertMessage.deliveryId(alert), settings.maxAttempts());
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        DeadLetter envelope = DeadLetters.envelope("notifier", record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value(), error,
                Instant.now());
        try {
            deadLetterProducer.send(DeadLetters.record(envelope,
                    deadLetters.serialize(Topics.DEAD_LETTERS.name(), envelope))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("cannot write the dead letter of {}/{}/{}", record.topic(), record.partition(), record.offset(),
                    e.getCause());
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
