package org.itapipe.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a stack keeps its data and logs. Also routes this JVM's own log file there, which is why {@link #prepare()}
 * must run before anything logs.
 */
final class StackLocation {

    /** The system property that launcher/src/main/resources/logback.xml writes its file to. */
    private static final String LOG_FILE = "itapipe.log.file";
    private static final String ENDPOINTS_FILE = "stack.properties";

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Data and logs of the stack (default: $ITAPIPE_STATE_DIR, else ~/.local/state/itapipe/stack).")
    private Path stateDir;

    Path prepare() {
        Path dir = (stateDir != null ? stateDir : defaultStateDir()).toAbsolutePath().normalize();
        System.setProperty(LOG_FILE, dir.resolve("logs").resolve("itapipe.log").toString());
        return dir;
    }

    /**
     * Unless {@code -Ditapipe.log.file} says otherwise, a service logs to {@code logs/itapipe.log} in the state home
     * ({@code $XDG_STATE_HOME/itapipe}, else {@code ~/.local/state/itapipe}), never into the current directory; a
     * command that runs a stack moves it into the stack's directory ({@link #prepare()}).
     */
    static void defaultLogFile() {
        if (System.getProperty(LOG_FILE) == null) {
            System.setProperty(LOG_FILE, stateHome().resolve("logs").resolve("itapipe.log").toString());
        }
    }

    /**
     * Where a stack in the default state directory leaves its endpoints block (owner-readable only: it holds the
     * drawn passwords) for the services started without a configuration.
     */
    static Path endpointsFile() {
        return defaultStateDir().toAbsolutePath().normalize().resolve(ENDPOINTS_FILE);
    }

    /** Writes the block into {@code stateDir}, readable by its owner only. */
    static void writeEndpoints(Path stateDir, List<String> lines) {
        Path target = stateDir.resolve(ENDPOINTS_FILE);
        try {
            Files.createDirectories(stateDir);
            Path staging = Files.createTempFile(stateDir, ENDPOINTS_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(staging, lines, StandardCharsets.UTF_8);
            Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's endpoints to " + target, e);
        }
    }

    /** Once the stack stops, its block names servers that are gone. */
    static void removeEndpoints(Path stateDir) {
        try {
            Files.deleteIfExists(stateDir.resolve(ENDPOINTS_FILE));
        } catch (IOException e) {
            // A stale block only makes a service fail to connect, which it would do anyway.
        }
    }

    private static Path defaultStateDir() {
        String fromEnv = System.getenv("ITAPIPE_STATE_DIR");
        if (fromEnv != null) {
            return Path.of(fromEnv);
        }
        return stateHome().resolve("stack");
    }

    /**
     * Where the ingest API's keys are kept on this machine unless {@code ingest.keys-file} says otherwise: beside
     * the stack's directory, not in it (its data is emptied at every start), and not in the current directory.
     */
    static Path defaultKeysFile() {
        return stateHome().resolve("ingest-keys.json");
    }

    private static Path stateHome() {
        String xdgState = System.getenv("XDG_STATE_HOME");
        Path base = xdgState != null ? Path.of(xdgState) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("itapipe");
    }
}
