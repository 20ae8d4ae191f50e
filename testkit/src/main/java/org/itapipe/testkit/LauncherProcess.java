package org.itapipe.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The itapipe launcher running in its own JVM, as a user runs it, with its output collected line by line. */
public final class LauncherProcess implements AutoCloseable {

    /** The launcher's entry point, on the test's class path (named, not referenced: the launcher's tests use this). */
    private static final String MAIN_CLASS = "org.itapipe.launcher.Itapipe";

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private LauncherProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::collectOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static LauncherProcess start(String... args) throws IOException {
        return start(Path.of("").toAbsolutePath(), Map.of(), args);
    }

    /** In {@code workingDir}, with {@code environment} added to this JVM's. */
    public static LauncherProcess start(Path workingDir, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                MAIN_CLASS));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start());
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        }
    }

    /** Waits until a line starting with {@code prefix} appears; fails with everything printed so far. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                for (String line : output) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && output.isEmpty()) {
                    throw new AssertionError("no line starting with '" + prefix + "' within " + timeout
                            + "; output:\n" + String.join("\n", output));
                }
                output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
            }
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not exit within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    public void terminate() {
        process.destroy();
    }

    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
