package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Layout of the stack's state directory: data of each server (emptied at every start) and their logs. */
record StateDirectories(Path root) {

    Path kafkaData() {
        return root.resolve("kafka");
    }

    Path clickhouseData() {
        return root.resolve("clickhouse");
    }

    Path logs() {
        return root.resolve("logs");
    }

    void prepare() {
        try {
            MachineCache.deleteRecursively(kafkaData());
            MachineCache.deleteRecursively(clickhouseData());
            Files.createDirectories(kafkaData());
            Files.createDirectories(clickhouseData());
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the stack state directory " + root, e);
        }
    }
}
