package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        assertThat(out.toString()).contains(id + "\tprovince:19\tSaraburi office").doesNotContain(plain);

        assertThat(run("keys", "revoke", id, "--keys-file", file)).isZero();
        assertThat(run("keys", "list", "--keys-file", file)).isZero();
        assertThat(out.toString()).doesNotContain(id);
        assertThat(run("keys", "revoke", id, "--keys-file", file)).isEqualTo(FriendlyErrors.USER_ERROR);
        assertThat(err.toString()).contains("there is no key " + id);
    }

    @Test
    void withoutAKeysFileSettingKeysLiveBesideTheStackNotInTheCurrentDirectory() {
        assertThat(StackLocation.defaultKeysFile().toString()).endsWith("itapipe/ingest-keys.json")
                .doesNotStartWith(Path.of("").toAbsolutePath().toString() + "/ingest-keys.json");
        assertThat(new ConfigOptions().source().get("ingest.keys-file"))
                .contains(StackLocation.defaultKeysFile().toString());
    }
}
