package org.itapipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The machine a bench ran on, as the report describes it. */
public record Machine(String cpu, int cores, long memoryMiB, String os, String java) {

    public static Machine current() {
        return new Machine(
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal").map(Machine::kibToMib).orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d cores (%s), %,d MiB, %s, %s", cores, cpu, memoryMiB, os, java);
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static long kibToMib(String value) {
        return Long.parseLong(value.replace("kB", "").trim()) / 1024;
    }
}
