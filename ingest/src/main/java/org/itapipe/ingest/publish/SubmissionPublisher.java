package org.itapipe.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.KafkaSettings;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.registry.RegistryUnavailableException;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * Publishes accepted submissions to {@code ita.submissions.v1}, keyed by organization code, with an idempotent
 * producer and {@code acks=all}: a future completes only once Kafka has the record on all in-sync replicas.
 *
 * <p>Serialization happens here, before the send, so a record that cannot be encoded (for example the registry
 * refuses its schema) is not lost: it goes to the dead-letter topic with the reason. If Kafka does not answer within
 * the configured time the future fails with {@link PublishUnavailableException} and nothing is claimed published.
 */
public final class SubmissionPublisher implements AutoCloseable {

    private static final String SERVICE = "ingest";

    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<ScoreSubmission> submissions;
    private final Serializer<DeadLetter> deadLetters;
    private final Clock clock;

    public SubmissionPublisher(KafkaSettings kafka, TopicSerdes serdes, Duration timeout, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2 + 100);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "itapipe-ingest");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.submissions = serdes.value(Topics.SUBMISSIONS).serializer();
        this.deadLetters = serdes.value(Topics.DEAD_LETTERS).serializer();
        this.clock = clock;
    }

    public CompletableFuture<PublishOutcome> publish(ScoreSubmission submission) {
        return publish(encode(submission));
    }

    /** A submission encoded for the topic, or the reason it cannot be. */
    public sealed interface Encoded {

        /** The submission's Avro encoding in the registry's wire format. */
        record Value(ScoreSubmission submission, byte[] bytes) implements Encoded {
        }

        /** The submission could not be encoded. */
        record Failed(ScoreSubmission submission, SerializationException error) implements Encoded {

            /** Not the submission's fault: the registry could not be asked, so it is refused for now. */
            boolean registryUnreachable() {
                return RegistryUnavailableException.isCauseOf(error);
            }
        }
    }

    /**
     * Encodes submissions without sending them, on every core, in their order (the bulk import then sends them in
     * that order). The first is encoded alone: it asks the registry for the schema's id, which the serializer keeps,
     * so the others ask nothing; where it proved the registry unreachable, the others fail with its error at once
     * instead of each waiting out the client's retries.
     */
    public List<Encoded> encodeAll(List<ScoreSubmission> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Encoded first = encode(batch.get(0));
        List<ScoreSubmission> others = batch.subList(1, batch.size());
        List<Encoded> encoded = new ArrayList<>(batch.size());
        encoded.add(first);
        if (first instanceof Encoded.Failed failed && failed.registryUnreachable()) {
            others.forEach(submission -> encoded.add(new Encoded.Failed(submission, failed.error())));
        } else {
            encoded.addAll(others.parallelStream().map(this::encode).toList());
        }
        return encoded;
    }

    private Encoded encode(ScoreSubmission submission) {
        try {
            return new Encoded.Value(submission, submissions.serialize(Topics.SUBMISSIONS.name(), submission));
        } catch (SerializationException e) {
            return new Encoded.Failed(submission, e);
        }
    }

    /** Sends an encoded submission; one that could not be encoded goes to the dead letters with the reason. */
    public CompletableFuture<PublishOutcome> publish(Encoded encoded) {
        if (encoded instanceof Encoded.Value value) {
            return send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), value.submission().getOrgCode(), value.bytes()))
                    .thenApply(metadata -> new PublishOutcome.Published(metadata.partition(), metadata.offset()));
        }
        Encoded.Failed failed = (Encoded.Failed) encoded;
        if (failed.registryUnreachable()) {
            return CompletableFuture.failedFuture(new PublishUnavailableException(
                    "the schema registry is unreachable: " + failed.error().getMessage(), failed.error()));
        }
        return deadLetter(failed.submission(), failed.error());
    }

    private CompletableFuture<PublishOutcome> deadLetter(ScoreSubmission submission, SerializationException error) {
        DeadLetter envelope = DeadLetters.envelope(SERVICE, Topics.SUBMISSIONS.name(), -1, -1,
                submission.getOrgCode().getBytes(StandardCharsets.UTF_8),
                submission.toString().getBytes(StandardCharsets.UTF_8), error, clock.instant());
        byte[] bytes;
        try {
            bytes = deadLetters.serialize(Topics.DEAD_LETTERS.name(), envelope);
        } catch (SerializationException alsoFailed) {
            return CompletableFuture.failedFuture(new PublishUnavailableException(
                    "cannot encode the submission (" + error.getMessage() + ") nor its dead letter ("
                            + alsoFailed.getMessage() + ")", alsoFailed));
        }
        return send(DeadLetters.record(envelope, bytes))
                .thenApply(metadata -> new PublishOutcome.DeadLettered(error.getMessage()));
    }

    private CompletableFuture<RecordMetadata> send(
            ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(metadata);
                } else {
                    acknowledged.completeExceptionally(unavailable(error));
                }
            });
        } catch (KafkaException e) {
            acknowledged.completeExceptionally(unavailable(e));
        }
        return acknowledged;
    }

    private static Throwable unavailable(Throwable error) {
        return error instanceof RetriableException || error instanceof TimeoutException
                ? new PublishUnavailableException("Kafka did not acknowledge in time: " + error.getMessage(), error)
                : error;
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(3));
    }
}
