package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code itapipe keys} with {@code ingest.keys-source=kafka}: the keys every ingest instance follows. */
@ExtendWith(EmbeddedStackExtension.class)
class KeysOnKafkaCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return Itapipe.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aKeyCreatedOnKafkaIsFollowedByIngestListedAndRevoked(StackEndpoints stack) throws Exception {
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
