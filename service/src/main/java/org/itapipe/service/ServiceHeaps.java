package org.itapipe.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The heap limit of each long-running service, from {@code service-heaps.properties} beside this class: the file the
 * itapipe script and the Docker entry point read too, so that a service runs with one heap however it is started.
 */
public final class ServiceHeaps {

    /** Where the file is, for the shell readers: the repository path of this resource. */
    public static final String RESOURCE = "service-heaps.properties";

    private static final Map<String, String> HEAPS = load();

    private ServiceHeaps() {
    }

    /** The {@code -Xmx} option of {@code service}, if it is a long-running service. */
    public static Optional<String> jvmOption(String service) {
        return Optional.ofNullable(HEAPS.get(service)).map(size -> "-Xmx" + size);
    }

    /** Every service and its heap limit, e.g. {@code streams=256m}. */
    public static Map<String, String> all() {
        return HEAPS;
    }

    private static Map<String, String> load() {
        Properties file = new Properties();
        try (InputStream in = ServiceHeaps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ServiceHeaps.class.getName());
            }
            file.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> heaps = new TreeMap<>();
        file.forEach((service, size) -> {
            if (!size.toString().matches("\\d+[mg]")) {
                throw new IllegalStateException(RESOURCE + ": " + service + "=" + size + " is not a heap size "
                        + "such as 256m or 1g");
            }
            heaps.put(service.toString(), size.toString());
        });
        return Map.copyOf(heaps);
    }
}
