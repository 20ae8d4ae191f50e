package org.itapipe.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Large downloads the stack needs (the ClickHouse library, the registry server) live here, outside any build tree, so
 * that they are fetched once per machine. {@code ITAPIPE_CACHE_DIR} overrides the place; else
 * {@code $XDG_CACHE_HOME/itapipe}, else {@code ~/.cache/itapipe}.
 */
public final class MachineCache {

    /** Fills a fresh, empty directory; it becomes visible under its final name only once this returns. */
    @FunctionalInterface
    public interface Populator {
        void populate(Path emptyDirectory) throws IOException, InterruptedException;
    }

    private final Path root;

    public MachineCache(Path root) {
        this.root = root;
    }

    public static MachineCache fromEnvironment(Map<String, String> env) {
        if (env.containsKey("ITAPIPE_CACHE_DIR")) {
            return new MachineCache(Path.of(env.get("ITAPIPE_CACHE_DIR")));
        }
        if (env.containsKey("XDG_CACHE_HOME")) {
            return new MachineCache(Path.of(env.get("XDG_CACHE_HOME"), "itapipe"));
        }
        return new MachineCache(Path.of(System.getProperty("user.home"), ".cache", "itapipe"));
    }

    public Path root() {
        return root;
    }

    /**
     * The directory {@code name}, populated on first use. A file lock makes concurrent JVMs (parallel builds) wait for
     * one another, and the populate-then-rename order means a crash never leaves a half-filled entry behind.
     */
    public Path ensure(String name, Populator populator) {
        Path target = root.resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.isDirectory(target)) {
                    return target;
                }
                Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".partial-");
                try {
                    populator.populate(staging);
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteRecursively(staging);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the machine cache entry " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling " + target, e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
