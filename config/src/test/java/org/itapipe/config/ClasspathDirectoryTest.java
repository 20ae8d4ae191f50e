package org.itapipe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resource directory spread over class path entries, as the class loader sees it. */
class ClasspathDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void filesOfEveryEntryAreListedAndAFileNameTwoEntriesHoldOnceFromTheFirst() throws Exception {
        Path first = entry("first", "V1__tables.sql", "SELECT 1;");
        Path second = entry("second", "V1__tables.sql", "SELECT 1;");
        Files.writeString(second.resolve("data").resolve("V2__more.sql"), "SELECT 2;");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()},
                null)) {
            List<Path> files = ClasspathDirectory.files(loader, "data");

            assertThat(files).extracting(file -> file.getFileName().toString())
                    .containsExactlyInAnyOrder("V1__tables.sql", "V2__more.sql");
            assertThat(files).filteredOn(file -> file.getFileName().toString().equals("V1__tables.sql"))
                    .singleElement().satisfies(file -> assertThat(file.startsWith(first)).isTrue());
        }
    }

    private Path entry(String name, String file, String text) throws Exception {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data").resolve(file), text);
        return root;
    }
}
