package org.itapipe.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.KeysLocation;
import org.itapipe.ingest.auth.Scope;
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

        KeysLocation location() {
            return keysFile != null ? new KeysLocation.InFile(keysFile)
                    : KeysLocation.of(config.source(), config.connections(KafkaPrincipals.KEYS));
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
            KeysLocation location = keys.location();
            ApiKeyStore.CreatedKey created = location.create(name, Scope.parse(scope), Optional.ofNullable(
                    expiresInDays).map(days -> Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS)));
            PrintWriter out = spec.commandLine().getOut();
            out.println(created.plainText());
            out.flush();
            spec.commandLine().getErr().println("itapipe: key " + created.key().id() + " (" + created.key().scope()
                    .text() + created.key().expiresAt().map(at -> ", expires " + at).orElse("") + ") stored hashed "
                    + location.describe() + "; this is the only time it is shown");
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
            keys.location().list().forEach(key -> out.println(key.id() + "\t" + key.scope().text() + "\t"
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
            KeysLocation location = keys.location();
            if (!location.revoke(id)) {
                throw new IllegalArgumentException("there is no key " + id + " " + location.describe());
            }
            spec.commandLine().getErr().println("itapipe: key " + id + " revoked " + location.describe());
            return 0;
        }
    }
}
