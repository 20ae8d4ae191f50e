package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid for Compose ({@code docker-compose config -q}, which needs no Docker engine). CI
 * installs docker-compose; elsewhere the check is skipped with the reason.
 */
class DockerComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    void theComposeFileValidates() throws Exception {
        assumeTrue(available(), "docker-compose is not installed (apt-get install docker-compose): file not validated");

        Process check = new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void everyFileTheComposeFileMountsExists() throws IOException {
        String compose = Files.readString(COMPOSE_FILE);

        for (String mounted : new String[] {"docker/itapipe.properties", "docker/clickhouse/itapipe-users.xml",
            "docker/grafana/provisioning", "docker/grafana/dashboards", "Dockerfile"}) {
            assertThat(Path.of("..", mounted)).exists();
            assertThat(compose.contains(mounted) || mounted.equals("Dockerfile")).as(mounted).isTrue();
        }
    }

    private static boolean available() {
        try {
            Process version = new ProcessBuilder("docker-compose", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
