package org.itapipe.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JVM options of each long-running service, from {@code service-jvm.properties} beside this class: its heap limit
 * and the compiler every service uses, which some other commands take too, without a heap limit (those that host
 * the embedded stack, and the import). The itapipe script and the Docker entry point read the same file, so a
 * service runs with the same JVM however it is started.
 */
public final class ServiceJvm {

    /** Where the file is, for the shell readers: the repository path of this resource. */
    public static final String RESOURCE = "service-jvm.properties";

    private static final String HEAP = "heap.";
    private static final Properties FILE = load();
    private static final Map<String, String> HEAPS = heaps(FILE);
    private static final List<String> COMPILER = words("compiler");
    private static final List<String> COMPILER_COMMANDS = words("compiler.commands");

    private ServiceJvm() {
    }

    /**
     * The JVM options of {@code command}: a long-running service's heap limit and compiler, the compiler alone for a
     * command of {@code compiler.commands}, none for any other command.
     */
    public static List<String> options(String command) {
        List<String> options = new ArrayList<>();
        if (HEAPS.containsKey(command)) {
            options.add("-Xmx" + HEAPS.get(command));
        }
        if (HEAPS.containsKey(command) || COMPILER_COMMANDS.contains(command)) {
            options.addAll(COMPILER);
        }
        return List.copyOf(options);
    }

    private static List<String> words(String key) {
        return Stream.of(FILE.getProperty(key, "").trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    /** Every service and its heap limit, e.g. {@code streams=384m}. */
    public static Map<String, String> heaps() {
        return HEAPS;
    }

    private static Properties load() {
        Properties file = new Properties();
        try (InputStream in = ServiceJvm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ServiceJvm.class.getName());
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return file;
    }

    private static Map<String, String> heaps(Properties file) {
        Map<String, String> heaps = new TreeMap<>();
        file.stringPropertyNames().stream().filter(key -> key.startsWith(HEAP)).forEach(key -> {
            String size = file.getProperty(key);
            if (!size.matches("\\d+[mg]")) {
                throw new IllegalStateException(RESOURCE + ": " + key + "=" + size + " is not a heap size "
                        + "such as 256m or 1g");
            }
            heaps.put(key.substring(HEAP.length()), size);
        });
        return Map.copyOf(heaps);
    }
}
