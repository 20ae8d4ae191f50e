package org.itapipe.ingest.auth;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * Where {@code ingest.keys-source} keeps the API keys: the one place that decides it, for the API
 * ({@link #open()}) and for {@code itapipe keys} (create, list, revoke).
 */
public sealed interface KeysLocation {

    /** The location the settings name. */
    static KeysLocation of(ConfigSource config, Connections connections) {
        IngestSettings settings = IngestSettings.from(config);
        if (settings.keysSource() == IngestSettings.KeysSource.FILE) {
            return new InFile(settings.keysFile());
        }
        return new OnKafka(connections, TopicSettings.from(config), SchemaSettings.from(config).autoRegister());
    }

    /** The keys as the API checks them, followed while it runs. */
    KeyDirectory open() throws InterruptedException;

    ApiKeyStore.CreatedKey create(String name, Scope scope, Optional<Instant> expiresAt);

    List<ApiKey> list() throws InterruptedException;

    /** False when there is no such key. */
    boolean revoke(String id) throws InterruptedException;

    /** "in FILE" or "on TOPIC", for messages. */
    String describe();

    /** A key file, shared by the processes of one machine. */
    record InFile(Path file) implements KeysLocation {

        @Override
        public KeyDirectory open() {
            return ApiKeyStore.load(file);
        }

        @Override
        public ApiKeyStore.CreatedKey create(String name, Scope scope, Optional<Instant> expiresAt) {
            ApiKeyStore store = ApiKeyStore.load(file);
            ApiKeyStore.CreatedKey created = store.create(name, scope, expiresAt);
            store.save(file);
            return created;
        }

        @Override
        public List<ApiKey> list() {
            return ApiKeyStore.load(file).keys();
        }

        @Override
        public boolean revoke(String id) {
            ApiKeyStore store = ApiKeyStore.load(file);
            boolean revoked = store.revoke(id);
            if (revoked) {
                store.save(file);
            }
            return revoked;
        }

        @Override
        public String describe() {
            return "in " + file.toAbsolutePath();
        }
    }

    /** The compacted {@code ita.api-keys.v1}, which every ingest instance follows. */
    record OnKafka(Connections connections, TopicSettings topics, boolean autoRegisterSchemas)
            implements KeysLocation {

        @Override
        public KeyDirectory open() throws InterruptedException {
            IngestApplication.createTopics(connections, topics);
            return SharedApiKeys.follow(connections.kafka(), serdes());
        }

        @Override
        public ApiKeyStore.CreatedKey create(String name, Scope scope, Optional<Instant> expiresAt) {
            IngestApplication.createTopics(connections, topics);
            ApiKeyStore.CreatedKey created = ApiKeyStore.CreatedKey.generate(name, scope, expiresAt);
            SharedApiKeys.publish(connections.kafka(), serdes(), created.key());
            return created;
        }

        @Override
        public List<ApiKey> list() throws InterruptedException {
            try (KeyDirectory keys = open()) {
                return keys.keys();
            }
        }

        @Override
        public boolean revoke(String id) throws InterruptedException {
            boolean known = list().stream().anyMatch(key -> key.id().equals(id));
            if (known) {
                SharedApiKeys.revoke(connections.kafka(), id);
            }
            return known;
        }

        @Override
        public String describe() {
            return "on " + Topics.API_KEYS.name();
        }

        private TopicSerdes serdes() {
            return new TopicSerdes(new SchemaRegistryClient(connections.registry()), autoRegisterSchemas);
        }
    }
}
