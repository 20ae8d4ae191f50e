package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Layout of the stack's state directory: data of each server and of the services run beside the stack (all emptied
 * at every start, like Kafka's topics they belong to), and the logs.
 */
record StateDirectories(Path root) {

    Path kafkaData() {
        return root.resolve("kafka");
    }

    Path clickhouseData() {
        return root.resolve("clickhouse");
    }

    /** State that services keep next to the stack (Kafka Streams stores), one directory per service. */
    Path services() {
        return root.resolve("services");
    }

    Path logs() {
        return root.resolve("logs");
    }

    /** Where the process named {@code name} (a server of the stack, or a JVM started on it) logs. */
    Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    void prepare() {
        try {
            MachineCache.deleteRecursively(kafkaData());
            MachineCache.deleteRecursively(clickhouseData());
            MachineCache.deleteRecursively(services());
            Files.createDirectories(kafkaData());
            Files.createDirectories(clickhouseData());
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the stack state directory " + root, e);
        }
    }
}
