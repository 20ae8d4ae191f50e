package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user imports while Kafka is not running: one clear line at once, and the log is in the state home. */
class ImportWithoutKafkaTest {

    @TempDir
    Path dir;

    @Test
    void anAbsentBrokerIsSaidInOneLineAtOnceAndTheLogGoesToTheStateHomeNotTheCurrentDirectory() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        Path stateHome = dir.resolve("state");
        Files.writeString(work.resolve("ita.properties"), "kafka.bootstrap=127.0.0.1:" + port + "\n"
                + "registry.url=http://127.0.0.1:" + port + "\nclickhouse.jdbc=jdbc:clickhouse://127.0.0.1:" + port + "\n");
        Files.writeString(work.resolve("scores.csv"), "org_code,fiscal_year,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,"
                + "ind_7,ind_8,ind_9,ind_10\n6190803,2568,100,100,100,100,100,99.33,99.33,99.33,82.50,90\n");

        try (LauncherProcess launcher = LauncherProcess.start(work, Map.of("XDG_STATE_HOME", stateHome.toString()),
                "import", "--config", "ita.properties", "scores.csv")) {
            // The probe says it within a second; the rest is the JVM starting on a loaded machine.
            assertThat(launcher.awaitExit(Duration.ofSeconds(30))).isEqualTo(FriendlyErrors.USER_ERROR);
            assertThat(launcher.output()).contains("nothing listens at 127.0.0.1:" + port
                    + ": start it (itapipe stack) or set kafka.bootstrap").doesNotContain("\tat ");
        }
        assertThat(stateHome.resolve("itapipe").resolve("logs").resolve("itapipe.log")).isRegularFile();
        assertThat(work.resolve("itapipe.log")).doesNotExist();
    }
}
