package org.itapipe.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKey;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.auth.SharedApiKeys;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code itapipe keys}: create, list and revoke the ingest API's keys, where {@code ingest.keys-source} keeps them: in
 * {@code ingest.keys-file} (by default beside the stack's state directory; a running ingest API follows the file
 * within a second) or on {@code ita.api-keys.v1} (every ingest instance follows the topic). Only hashes are stored.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage ingest API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

    /** Where the keys are: the settings and the optional {@code --keys-file} every subcommand takes. */
    static final class KeysPlace {
        @Mixin
        private ConfigOptions config;

        @Option(names = "--keys-file", paramLabel = "FILE",
                description = "Default: ingest.keys-file setting (with ingest.keys-source=file, the default).")
        private Path keysFile;

        private IngestSettings settings() {
            return IngestSettings.from(config.source());
        }

        private boolean onKafka() {
            return keysFile == null && settings().keysSource() == IngestSettings.KeysSource.KAFKA;
        }

        private Path file() {
            return keysFile != null ? keysFile : settings().keysFile();
        }

        String describe() {
            return onKafka() ? "on " + Topics.API_KEYS.name() : "in " + file().toAbsolutePath();
        }

        ApiKeyStore.CreatedKey create(String name, Scope scope, Optional<Instant> expiresAt) {
            if (onKafka()) {
                IngestApplication.createTopics(config.connections(), TopicSettings.from(config.source()));
                ApiKeyStore.CreatedKey created = ApiKeyStore.CreatedKey.generate(name, scope, expiresAt);
                SharedApiKeys.publish(config.connections().kafka(), serdes(), created.key());
                return created;
            }
            ApiKeyStore store = ApiKeyStore.load(file());
            ApiKeyStore.CreatedKey created = store.create(name, scope, expiresAt);
            store.save(file());
            return created;
        }

        List<ApiKey> list() throws InterruptedException {
            if (onKafka()) {
                try (SharedApiKeys shared = SharedApiKeys.follow(config.connections().kafka(), serdes())) {
                    return shared.keys();
                }
            }
            return ApiKeyStore.load(file()).keys();
        }

        /** False when there is no such key. */
        boolean revoke(String id) throws InterruptedException {
            if (onKafka()) {
                boolean known = list().stream().anyMatch(key -> key.id().equals(id));
                if (known) {
                    SharedApiKeys.revoke(config.connections().kafka(), id);
                }
                return known;
            }
            ApiKeyStore store = ApiKeyStore.load(file());
            boolean revoked = store.revoke(id);
            if (revoked) {
                store.save(file());
            }
            return revoked;
        }

        private TopicSerdes serdes() {
            return new TopicSerdes(new SchemaRegistryClient(config.connections().registry()),
                    SchemaSettings.from(config.source()).autoRegister());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print it once; only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private KeysPlace keys;

        @Option(names = "--name", required = true, description = "Who holds the key, e.g. 'Saraburi office'.")
        private String name;

        @Option(names = "--scope", required = true,
                description = "organization:<code>, district:<4 digits>, province:<2 digits> or national.")
        private String scope;

        @Option(names = "--expires-in", paramLabel = "DAYS",
                description = "Refuse the key DAYS days from now (default: never expires).")
        private Integer expiresInDays;

        @Override
        public Integer call() {
            if (expiresInDays != null && expiresInDays < 1) {
                throw new IllegalArgumentException("--expires-in must be at least 1 day, not " + expiresInDays);
            }
            ApiKeyStore.CreatedKey created = keys.create(name, Scope.parse(scope), Optional.ofNullable(expiresInDays)
                    .map(days -> Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS)));
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.plainText());
            out.flush();
            spec.commandLine().getErr().println("itapipe: key " + created.key().id() + " (" + created.key().scope()
                    .text() + created.key().expiresAt().map(at -> ", expires " + at).orElse("") + ") stored hashed "
                    + keys.describe() + "; this is the only time it is shown");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List keys: id, scope, expiry (or 'never'), name.")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private KeysPlace keys;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            keys.list().forEach(key -> out.println(key.id() + "\t" + key.scope().text() + "\t"
                    + key.expiresAt().map(Instant::toString).orElse("never") + "\t" + key.name()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key by its id (see list); every running ingest API refuses it within a second.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private KeysPlace keys;

        @Parameters(paramLabel = "ID", description = "The key's id.")
        private String id;

        @Override
        public Integer call() throws InterruptedException {
            if (!keys.revoke(id)) {
                throw new IllegalArgumentException("there is no key " + id + " " + keys.describe());
            }
            spec.commandLine().getErr().println("itapipe: key " + id + " revoked " + keys.describe());
            return 0;
        }
    }
}
