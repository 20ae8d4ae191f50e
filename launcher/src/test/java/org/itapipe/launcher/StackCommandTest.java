package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.itapipe.devstack.StackPorts;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code itapipe stack} as a user runs it: its output, its exit code, and that no server outlives it. */
class StackCommandTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    @TempDir
    Path stateDir;

    @Test
    void checkPrintsTheEndpointsAndReadyTimesExitsZeroAndLeavesNoServerRunning() throws Exception {
        StackPorts ports = StackPorts.free();
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(ports, "--check"))) {
            int exit = launcher.awaitExit(START_TIMEOUT);

            assertThat(exit).as(launcher.output()).isZero();
            assertThat(launcher.output().lines()).contains(
                    "kafka.bootstrap=127.0.0.1:" + ports.kafka(),
                    "registry.url=http://127.0.0.1:" + ports.registry() + "/apis/ccompat/v7",
                    "clickhouse.http=http://127.0.0.1:" + ports.clickhouseHttp(),
                    "clickhouse.native=127.0.0.1:" + ports.clickhouseNative(),
                    "clickhouse.jdbc=jdbc:clickhouse://127.0.0.1:" + ports.clickhouseHttp() + "/default",
                    "clickhouse.user=itapipe_writer");
            assertThat(launcher.output().lines()).anyMatch(line -> line.matches("clickhouse\\.password=[0-9a-f]{32}"))
                    .anyMatch(line -> line.equals("clickhouse.analyst.user=itapipe_analyst"))
                    .anyMatch(line -> line.matches("clickhouse\\.analyst\\.password=[0-9a-f]{32}"));
            assertThat(launcher.output().lines().filter(line -> line.matches("ready\\.\\w+\\.seconds=\\d+\\.\\d\\d")))
                    .hasSize(3);
        }
        assertThat(serversOf(stateDir)).isEmpty();
    }

    @Test
    void sigtermStopsEveryServerOfTheStackAndRemovesItsBlock() throws Exception {
        Path block = stateDir.resolve("stack.properties");
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(StackPorts.free()))) {
            String password = launcher.awaitLine("clickhouse.password=", START_TIMEOUT);
            launcher.awaitLine("ready.clickhouse.seconds=", START_TIMEOUT);
            assertThat(serversOf(stateDir)).hasSize(2);
            assertThat(Files.readAllLines(block)).as("the block for services started without --config")
                    .contains(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(block))).isEqualTo("rw-------");

            launcher.terminate();
            launcher.awaitExit(STOP_TIMEOUT);
        }
        assertThat(serversOf(stateDir)).isEmpty();
        assertThat(block).doesNotExist();
    }

    @Test
    void serversEndOnTheirOwnWhenTheLauncherIsKilled() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(StackPorts.free()))) {
            launcher.awaitLine("ready.clickhouse.seconds=", START_TIMEOUT);

            launcher.kill();
            launcher.awaitExit(STOP_TIMEOUT);
        }
        awaitNoServersOf(stateDir, STOP_TIMEOUT);
    }

    @Test
    void aTakenPortFailsFastNamingThePortAndTheOptionThatMovesIt() throws Exception {
        StackPorts ports = StackPorts.free();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackPorts clash = new StackPorts(taken.getLocalPort(), ports.kafkaController(), ports.registry(),
                    ports.clickhouseHttp(), ports.clickhouseNative());
            var err = new java.io.StringWriter();

            int exit = Itapipe.commandLine().setErr(new java.io.PrintWriter(err)).execute(stackArgs(clash, "--check"));

            assertThat(exit).isEqualTo(FriendlyErrors.USER_ERROR);
            assertThat(err.toString()).contains("port " + taken.getLocalPort()).contains("--kafka-port");
        }
    }

    private String[] stackArgs(StackPorts ports, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("stack",
                "--state-dir", stateDir.toString(),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--registry-port", Integer.toString(ports.registry()),
                "--clickhouse-http-port", Integer.toString(ports.clickhouseHttp()),
                "--clickhouse-native-port", Integer.toString(ports.clickhouseNative())));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Child servers carry their stack's state directory on the command line. */
    private static List<ProcessHandle> serversOf(Path stateDir) {
        String marker = "-Ditapipe.stack.dir=" + stateDir.toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    private static void awaitNoServersOf(Path stateDir, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!serversOf(stateDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(serversOf(stateDir)).as("servers still running after the launcher was killed").isEmpty();
    }
}
