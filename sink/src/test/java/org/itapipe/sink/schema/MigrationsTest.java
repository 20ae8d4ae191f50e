package org.itapipe.sink.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.itapipe.sink.schema.Migrations.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How migration files are read and split, without a database (applying them: SinkFaultTest). */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migrationsComeInVersionOrderWhateverTheOrderOfTheFiles() throws IOException {
        List<Migration> migrations = Migrations.fromFiles(List.of(file("V10__later.sql", "SELECT 10;"),
                file("V2__earlier.sql", "SELECT 2;")));

        assertThat(migrations).extracting(Migration::version).containsExactly(2, 10);
        assertThat(migrations).extracting(Migration::name).containsExactly("earlier", "later");
    }

    @Test
    void theChecksumIsTheSha256OfTheFileText() throws IOException {
        Migration migration = Migrations.fromFiles(List.of(file("V1__one.sql", "abc"))).get(0);

        // SHA-256("abc"), FIPS 180-2's first example.
        assertThat(migration.checksum())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aFileNotNamedAsAMigrationIsRefusedRatherThanSkipped() throws IOException {
        List<Path> files = List.of(file("V1__one.sql", "SELECT 1;"), file("V2_missing_underscore.sql", "SELECT 2;"));

        assertThatThrownBy(() -> Migrations.fromFiles(files)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2_missing_underscore.sql").hasMessageContaining("V<n>__<name>.sql");
    }

    @Test
    void aVersionGivenTwiceIsRefused() throws IOException {
        List<Path> files = List.of(file("V3__one.sql", "SELECT 1;"), file("V3__other.sql", "SELECT 2;"));

        assertThatThrownBy(() -> Migrations.fromFiles(files)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("V3 is given twice");
    }

    @Test
    void statementsEndAtASemicolonThatEndsALineAndCommentLinesAreDropped() {
        String sql = """
                -- the table; with a semicolon in a comment
                CREATE TABLE t (s String DEFAULT ';')
                ENGINE = Memory;
                INSERT INTO t VALUES ('a;b');\s
                SELECT 1
                """;

        assertThat(Migrations.statements(sql)).containsExactly(
                "CREATE TABLE t (s String DEFAULT ';')\nENGINE = Memory",
                "INSERT INTO t VALUES ('a;b')",
                "SELECT 1");
    }

    @Test
    void theBuiltInMigrationsReadWithDistinctRisingVersions() {
        List<Migration> builtIn = Migrations.builtIn();

        assertThat(builtIn).isNotEmpty();
        assertThat(builtIn).extracting(Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(builtIn).allSatisfy(migration -> assertThat(Migrations.statements(migration.sql())).isNotEmpty());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
