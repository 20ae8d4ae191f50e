package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.auth.SharedApiKeys;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code itapipe keys create|list|revoke} on a key file and on Kafka, as an operator uses them. */
class KeysCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return Itapipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aKeyIsCreatedListedAndRevoked() {
        String file = dir.resolve("keys.json").toString();

        assertThat(run("keys", "create", "--name", "Saraburi office", "--scope", "province:19", "--keys-file", file))
                .isZero();
        String plain = out.toString().strip();
        assertThat(plain).startsWith("ita_");
        String id = plain.substring(4, plain.indexOf('_', 4));
        assertThat(run("keys", "list", "--keys-file", file)).isZero();
        assertThat(out.toString()).contains(id + "\tprovince:19\tnever\tSaraburi office").doesNotContain(plain);

        assertThat(run("keys", "revoke", id, "--keys-file", file)).isZero();
        assertThat(run("keys", "list", "--keys-file", file)).isZero();
        assertThat(out.toString()).doesNotContain(id);
        assertThat(run("keys", "revoke", id, "--keys-file", file)).isEqualTo(FriendlyErrors.USER_ERROR);
        assertThat(err.toString()).contains("there is no key " + id);
    }

    @Test
    void aKeyCreatedToExpireIsListedWithItsExpiryInDays() {
        String file = dir.resolve("keys.json").toString();
        Instant before = Instant.now();

        assertThat(run("keys", "create", "--name", "Audit team", "--scope", "national", "--expires-in", "90",
                "--keys-file", file)).isZero();
        assertThat(run("keys", "list", "--keys-file", file)).isZero();

        Instant expires = Instant.parse(out.toString().strip().split("\t")[2]);
        assertThat(expires).isBetween(before.plus(Duration.ofDays(90)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(90)));
        assertThat(run("keys", "create", "--name", "x", "--scope", "national", "--expires-in", "0",
                "--keys-file", file)).isEqualTo(FriendlyErrors.USER_ERROR);
        assertThat(err.toString()).contains("--expires-in must be at least 1 day, not 0");
    }

    @Test
    void withoutAKeysFileSettingKeysLiveBesideTheStackNotInTheCurrentDirectory() {
        assertThat(StackLocation.defaultKeysFile().toString()).endsWith("itapipe/ingest-keys.json")
                .doesNotStartWith(Path.of("").toAbsolutePath().toString() + "/ingest-keys.json");
        assertThat(new ConfigOptions().source().get("ingest.keys-file"))
                .contains(StackLocation.defaultKeysFile().toString());
    }

    @Test
    @ExtendWith(EmbeddedStackExtension.class)
    void withKeysOnKafkaAKeyIsFollowedByIngestListedAndRevoked(StackEndpoints stack) throws Exception {
        List<String> lines = new ArrayList<>(stack.lines());
        lines.add("ingest.keys-source=kafka");
        lines.add("schemas.auto-register=true");
        String config = Files.writeString(dir.resolve("itapipe.properties"), String.join("\n", lines) + "\n")
                .toString();
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);

        assertThat(run("keys", "create", "--name", "Chiang Mai office", "--scope", "province:50", "--config", config))
                .as(err.toString()).isZero();
        String plain = out.toString().strip();
        String id = plain.substring(4, plain.indexOf('_', 4));
        assertThat(err.toString()).contains("stored hashed on ita.api-keys.v1");
        try (SharedApiKeys ingest = SharedApiKeys.follow(stack.connections().kafka(), serdes)) {
            assertThat(ingest.authenticate(plain, Instant.now()).acceptedKey()).hasValueSatisfying(key ->
                    assertThat(key.scope().text()).isEqualTo("province:50"));
        }
        assertThat(run("keys", "list", "--config", config)).isZero();
        assertThat(out.toString()).contains(id + "\tprovince:50\tnever\tChiang Mai office").doesNotContain(plain);

        assertThat(run("keys", "revoke", id, "--config", config)).isZero();
        assertThat(run("keys", "list", "--config", config)).isZero();
        assertThat(out.toString()).doesNotContain(id);
        assertThat(run("keys", "revoke", id, "--config", config)).isEqualTo(FriendlyErrors.USER_ERROR);
        assertThat(err.toString()).contains("there is no key " + id + " on ita.api-keys.v1");
    }
}
