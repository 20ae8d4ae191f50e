package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itapipe keys create|list|revoke} on a key file, as an operator uses them. */
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
}
