package org.itapipe.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a resource directory, wherever the classpath keeps it: in class directories or inside jars, and in
 * every classpath entry that has it (in tests, test classes share the package name of the main resources). Lets data
 * directories (methodology files, SQL migrations) grow by adding a file, with no index to maintain. A file name
 * that two entries hold (one jar reached twice: directly and through another jar's manifest {@code Class-Path}) is
 * listed once, from the first entry, as the class loader itself would load it.
 */
public final class ClasspathDirectory {

    private ClasspathDirectory() {
    }

    public static List<Path> files(String directory) {
        return files(ClasspathDirectory.class.getClassLoader(), directory);
    }

    static List<Path> files(ClassLoader loader, String directory) {
        Map<String, Path> byName = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = loader.getResources(directory);
            while (urls.hasMoreElements()) {
                try (Stream<Path> entries = Files.list(asPath(urls.nextElement(), directory))) {
                    entries.filter(Files::isRegularFile)
                            .forEach(file -> byName.putIfAbsent(file.getFileName().toString(), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the resource directory " + directory, e);
        }
        return List.copyOf(byName.values());
    }

    private static Path asPath(URL url, String directory) throws IOException {
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem jar;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException notOpenYet) {
                jar = FileSystems.newFileSystem(uri, Map.of());
            }
            return jar.getPath(directory);
        } catch (URISyntaxException e) {
            throw new IOException("unusable resource URL " + url, e);
        }
    }
}
