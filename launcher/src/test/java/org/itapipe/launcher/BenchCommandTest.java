package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of {@code itapipe bench} at its tiny size: every step of the harness runs against real services and
 * yields a figure; the figures themselves are not judged here (that is what the full run on a quiet machine is for).
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSmokeSizeMeasuresEveryStageAndWritesTheTableAndTheJson() throws Exception {
        Path json = dir.resolve("bench.json");
        try (LauncherProcess bench = LauncherProcess.start("bench", "--smoke", "--state-dir", dir.toString(),
                "--json", json.toString())) {
            int exit = bench.awaitExit(Duration.ofMinutes(6));

            assertThat(exit).as(bench.output()).isZero();
            assertThat(bench.output()).contains("stage", "ingest", "streams", "sink", "replay", "latency",
                    "peak RSS during the replay (MiB): ingest ");
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> stages = new ArrayList<>();
        for (JsonNode figure : report.get("figures")) {
            stages.add(figure.get("stage").asText());
            assertThat(figure.get("value").asDouble()).as(figure.toString()).isPositive();
            if (figure.has("peer")) {
                assertThat(figure.get("peer").get("value").asDouble()).as(figure.toString()).isPositive();
            }
        }
        assertThat(stages).contains("ingest", "streams", "sink", "replay", "latency");
        assertThat(report.get("peakRssMiB").get("streams").asLong()).isPositive();
        assertThat(report.get("peakRssMiB").get("sink").asLong()).isPositive();
        assertThat(report.get("machine").get("cores").asInt()).isPositive();
    }
}
