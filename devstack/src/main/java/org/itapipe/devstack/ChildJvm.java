package org.itapipe.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server of the stack running in its own JVM, with its output in a log file, that ends with its parent (see
 * {@link ExitWithParent}) and is stopped with SIGTERM, then killed if it does not stop in time.
 */
public final class ChildJvm implements AutoCloseable {

    static final String STACK_DIR_PROPERTY = "-Ditapipe.stack.dir";
    private static final long STOP_TIMEOUT_SECONDS = 15;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code mainClass} from {@code classpath} with the given JVM options and arguments, logging to
     * {@code <state dir>/logs/<name>.log}. The state directory also marks the command line
     * ({@code -Ditapipe.stack.dir=...}) so that {@code ps} shows which stack a server belongs to.
     */
    static ChildJvm start(String name, StateDirectories dirs, List<Path> classpath, List<String> jvmOptions,
                         String mainClass, List<String> args) {
        Path logFile = dirs.logFile(name);
        List<Path> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(codeSourceOf(ExitWithParent.class));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add(STACK_DIR_PROPERTY + "=" + dirs.root());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, fullClasspath.stream().map(Path::toString).distinct().toList()));
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new StackStartFailed("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** This JVM's class path, for a child that runs code of this program (a pipeline service, a Kafka broker). */
    static List<Path> thisClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    /** The jar or class directory a class was loaded from, to put it on a child's classpath. */
    static Path codeSourceOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + type, e);
        }
    }

    static Path javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new PrerequisiteMissing("no java executable at " + java + " to run the stack's child servers: "
                    + "install a JDK 17+ (apt-get install openjdk-17-jdk-headless) and run itapipe with it");
        }
        return java;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; returns its exit code, or fails if it is still running. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; log " + logFile);
        }
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** Completes when the process has ended, however it ended. */
    CompletableFuture<Process> exited() {
        return process.onExit();
    }

    /** How an ended process ended: its name, pid, exit code and the tail of its log. */
    String exitReport() {
        return name + " (pid " + process.pid() + ") exited with code " + process.exitValue() + "; log " + logFile
                + ":\n" + logTail(20);
    }

    /** Fails with the exit code and the log tail if the process has already ended. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new StackStartFailed(name + " exited with code " + process.exitValue() + " before it was ready; "
                    + "log " + logFile + ":\n" + logTail(40));
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as a crash or the OOM killer ends a process: no shutdown hook, no clean close of files or sockets. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
