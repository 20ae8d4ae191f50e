package org.itapipe.ingest.auth;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.KafkaSettings;
import org.itapipe.schemas.avro.ApiKeyEntry;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.TableFollower;

/**
 * The API keys every ingest instance shares ({@code ingest.keys-source=kafka}): each instance follows the compacted
 * {@code ita.api-keys.v1} from its beginning, so a key created or revoked anywhere counts on all of them within the
 * follower's poll (a fraction of a second; {@code SharedApiKeysTest} measures it). Only hashes travel; a tombstone
 * revokes.
 */
public final class SharedApiKeys implements KeyDirectory, AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final TableFollower<ApiKeyEntry> entries;

    private SharedApiKeys(TableFollower<ApiKeyEntry> entries) {
        this.entries = entries;
    }

    /** Reads every key the topic holds now (so that no valid key is refused at start), then follows it. */
    public static SharedApiKeys follow(KafkaSettings kafka, TopicSerdes serdes) throws InterruptedException {
        SharedApiKeys keys = new SharedApiKeys(TableFollower.start(kafka, Topics.API_KEYS.name(),
                serdes.value(Topics.API_KEYS).deserializer(), "itapipe-ingest-api-keys"));
        if (!keys.entries.awaitCaughtUp(READY_WITHIN)) {
            keys.close();
            throw new IllegalStateException("could not read the API keys of " + Topics.API_KEYS.name() + " within "
                    + READY_WITHIN.toSeconds() + " s: is Kafka reachable and the topic created?");
        }
        return keys;
    }

    @Override
    public Optional<ApiKey> find(String id) {
        return entries.get(id).map(SharedApiKeys::apiKey);
    }

    /** Every live key, by id. */
    @Override
    public List<ApiKey> keys() {
        return entries.snapshot().values().stream().map(SharedApiKeys::apiKey)
                .sorted(Comparator.comparing(ApiKey::id)).toList();
    }

    /** Publishes a key (its hash) for every ingest instance; returns once Kafka has it from all in-sync replicas. */
    public static void publish(KafkaSettings kafka, TopicSerdes serdes, ApiKey key) {
        ApiKeyEntry entry = new ApiKeyEntry(key.id(), key.name(), key.scope().text(), key.secretSha256(),
                key.expiresAt().orElse(null));
        send(kafka, key.id(), serdes.value(Topics.API_KEYS).serializer().serialize(Topics.API_KEYS.name(), entry));
    }

    /** Revokes a key everywhere (a tombstone); returns once Kafka has it. */
    public static void revoke(KafkaSettings kafka, String id) {
        send(kafka, id, null);
    }

    private static void send(KafkaSettings kafka, String id, byte[] value) {
        Map<String, Object> config = kafka.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.API_KEYS.name(), id, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the key " + id + " on " + Topics.API_KEYS.name()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing key " + id, e);
        }
    }

    private static ApiKey apiKey(ApiKeyEntry entry) {
        return new ApiKey(entry.getId(), entry.getName(), Scope.parse(entry.getScope()), entry.getSecretSha256(),
                Optional.ofNullable(entry.getExpiresAt()));
    }

    @Override
    public void close() {
        entries.close();
    }
}
