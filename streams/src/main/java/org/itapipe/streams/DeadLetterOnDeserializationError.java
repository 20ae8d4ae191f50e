package org.itapipe.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.registry.RegistryUnavailableException;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on an input topic that cannot be decoded goes to {@code ita.dead-letters.v1} with its original bytes and
 * the reason (in the Avro envelope and in {@code itapipe.error.*} headers), inside the same transaction as the
 * application's other output; the application goes on with the next record. A record that cannot be decoded
 * because the schema registry is unreachable is no dead letter: it is read again once the registry answers.
 */
public final class DeadLetterOnDeserializationError implements DeserializationExceptionHandler {

    /** Config key under which the application passes the dead-letter serializer (an object, not a class name). */
    public static final String SERIALIZER_CONFIG = "itapipe.dead-letter.serializer";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnDeserializationError.class);

    /** How long a thread waits for the registry before it is replaced and reads the record again. */
    static final Duration REGISTRY_PAUSE = Duration.ofSeconds(2);

    private Serializer<DeadLetter> serializer;

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        serializer = (Serializer<DeadLetter>) configs.get(SERIALIZER_CONFIG);
        if (serializer == null) {
            throw new IllegalStateException(SERIALIZER_CONFIG + " must hold the dead-letter serializer");
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (RegistryUnavailableException.isCauseOf(exception)) {
            // Not the record's fault: stop this thread (the application replaces it, see StreamsApplication) so
            // that it reads the record again from the last commit, after a pause instead of at once.
            LOG.warn("the schema registry is unreachable while decoding {}-{}@{}; reading it again in {}: {}",
                    context.topic(), context.partition(), context.offset(), REGISTRY_PAUSE, exception.getMessage());
            pause();
            return Response.fail();
        }
        LOG.warn("undecodable record at {}-{}@{} goes to the dead letters: {}", context.topic(), context.partition(),
                context.offset(), exception.getMessage());
        DeadLetter envelope = DeadLetters.envelope("streams", context.topic(), context.partition(), context.offset(),
                record.key(), record.value(), exception, Instant.now());
        ProducerRecord<String, byte[]> letter = DeadLetters.record(envelope,
                serializer.serialize(Topics.DEAD_LETTERS.name(), envelope));
        return Response.resume(List.of(new ProducerRecord<>(letter.topic(), null,
                letter.key().getBytes(StandardCharsets.UTF_8), letter.value(), letter.headers())));
    }

    private static void pause() {
        try {
            Thread.sleep(REGISTRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
