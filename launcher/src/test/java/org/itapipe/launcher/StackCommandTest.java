package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
    void checkPrintsTheEndpointsWithEachServicesKafkaLoginWhenSecureExitsZeroAndLeavesNoServerRunning()
            throws Exception {
        StackPorts ports = StackPorts.free();
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(ports, "--check", "--secure"))) {
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
            assertThat(launcher.output().lines()).contains("kafka.client.security.protocol=SASL_SSL",
                    "kafka.client.sasl.mechanism=SCRAM-SHA-512");
            for (String principal : List.of("admin", "ingest", "keys", "streams", "sink", "notifier")) {
                assertThat(launcher.output().lines()).as(principal).anyMatch(line -> line.matches(principal
                        + "\\.kafka\\.client\\.sasl\\.jaas\\.config=org\\.apache\\.kafka\\.common\\.security\\.scram"
                        + "\\.ScramLoginModule required username=\"" + principal + "\" password=\"[0-9a-f]{32}\";"));
            }
        }
        assertThat(serversOf(stateDir)).isEmpty();
    }

    @Test
    void aSecuredKafkaIsOneBroker() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(StackPorts.free(), "--secure",
                "--kafka-brokers", "3"))) {
            assertThat(launcher.awaitExit(START_TIMEOUT)).isEqualTo(2);
            assertThat(launcher.output()).contains("--secure runs one Kafka broker; leave out --kafka-brokers")
                    .doesNotContain("Exception");
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
    void withThreeBrokersTheStackRunsAReplicatedClusterAndStartsAKilledBrokerAgainLoggingNoPassword() throws Exception {
        StackPorts ports = StackPorts.freeFor(3);
        try (LauncherProcess launcher = LauncherProcess.start(stackArgs(ports, "--kafka-brokers", "3"))) {
            String bootstrap = launcher.awaitLine("kafka.bootstrap=", START_TIMEOUT).substring(16);
            launcher.awaitLine("ready.clickhouse.seconds=", START_TIMEOUT);
            assertThat(bootstrap).isEqualTo("127.0.0.1:" + ports.kafka() + ",127.0.0.1:" + (ports.kafka() + 2)
                    + ",127.0.0.1:" + (ports.kafka() + 4));
            assertThat(launcher.output().lines()).contains("topics.replication-factor=3");
            assertThat(brokersAnswering(bootstrap)).isEqualTo(3);
            // A broker that ends within 10 s of its own start is left down (a crash loop); this one runs longer.
            // Counted from the broker's start, not the launcher's: a slow machine starts the broker seconds later.
            ProcessHandle victim = broker(2).orElseThrow();
            Instant started = victim.info().startInstant().orElseThrow();
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), started.plusSeconds(12)).toMillis()));

            long killed = victim.pid();
            victim.destroyForcibly();
            launcher.awaitLine("itapipe: Kafka broker 2 of 3 ended", STOP_TIMEOUT);

            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (broker(2).filter(process -> process.pid() != killed).isEmpty() || brokersAnswering(bootstrap) < 3) {
                assertThat(System.nanoTime()).as(() -> whyNotBack(launcher, 2)).isLessThan(deadline);
                Thread.sleep(500);
            }
            launcher.terminate();
            launcher.awaitExit(STOP_TIMEOUT);
            assertNoLogHoldsAPasswordOf(launcher.output());
        }
        awaitNoServersOf(stateDir, STOP_TIMEOUT);
    }

    /**
     * What a broker that did not come back left to read: the launcher's own lines (its report of a broker that ended
     * again, with that broker's log tail) and the tail of the broker's log, which goes with the temporary directory.
     */
    private String whyNotBack(LauncherProcess launcher, int node) {
        String log;
        try {
            List<String> lines = Files.readAllLines(stateDir.resolve("logs/kafka-" + node + ".log"),
                    StandardCharsets.ISO_8859_1);
            log = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            log = "(unreadable: " + e.getMessage() + ")";
        }
        return "broker " + node + " back; the launcher printed:\n" + launcher.output() + "\nthe tail of kafka-"
                + node + ".log:\n" + log;
    }

    /** The block printed the drawn passwords, by design; no log of the stack (crash reports included) may. */
    private void assertNoLogHoldsAPasswordOf(String printed) throws IOException {
        List<String> passwords = printed.lines()
                .filter(line -> line.matches("clickhouse(\\.analyst)?\\.password=.+"))
                .map(line -> line.substring(line.indexOf('=') + 1)).toList();
        assertThat(passwords).hasSize(2);
        try (var files = Files.walk(stateDir)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertThat(passwords).as(log.toString()).noneMatch(text::contains);
            }
        }
    }

    /**
     * Broker {@code node} of this test's stack, found by its configuration file at the end of its command line (read
     * from /proc, as pgrep does: ProcessHandle's view of a command line this long is cut short).
     */
    private Optional<ProcessHandle> broker(int node) {
        return serversOf(stateDir).stream().filter(process -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                        StandardCharsets.UTF_8).contains("kafka-" + node + "/server.properties");
            } catch (IOException ended) {
                return false;
            }
        }).findFirst();
    }

    private static int brokersAnswering(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
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
