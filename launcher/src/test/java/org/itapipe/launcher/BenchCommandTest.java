package org.itapipe.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.itapipe.service.ServiceJvm;
import org.itapipe.testkit.LauncherProcess;
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
                    "peak RSS during the replay (MiB): ingest ", "the replay's CPU bound: ");
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> stages = new ArrayList<>();
        for (JsonNode figure : report.get("figures")) {
            stages.add(figure.get("stage").asText());
            assertThat(figure.get("value").asDouble()).as(figure.toString()).isPositive();
            assertThat(figure.get("unit").asText()).as(figure.toString()).isNotBlank();
            if (figure.has("peer")) {
                double peer = figure.get("peer").get("value").asDouble();
                assertThat(peer).as(figure.toString()).isPositive();
                assertThat(figure.get("ratio").asDouble()).as("a same-run ratio: " + figure)
                        .isCloseTo(figure.get("value").asDouble() / peer, within(1e-9));
                assertThat(figure.get("peer").get("name").asText()).as(figure.toString()).isNotBlank();
            }
        }
        assertThat(stages).contains("ingest", "streams", "sink", "replay", "latency");
        assertThat(report.get("replayPhasesSeconds").size()).as("the replay's phases are timed").isPositive();
        report.get("replayPhasesSeconds").fields().forEachRemaining(phase ->
                assertThat(phase.getValue().asDouble()).as(phase.getKey()).isPositive());
        assertThat(report.get("peakRssMiB").get("streams").asLong()).isPositive();
        assertThat(report.get("peakRssMiB").get("sink").asLong()).isPositive();
        assertThat(report.get("heapLimits").get("streams").asText()).as("the services ran within their heaps")
                .isEqualTo(ServiceJvm.heaps().get("streams"));
        JsonNode replayCpu = report.get("cpuSeconds").get("replay");
        JsonNode replayMicros = report.get("cpuMicrosPerSubmission").get("replay");
        assertThat(replayMicros.get("streams").asLong()).as("CPU µs per submission of streams in the replay")
                .isPositive();
        assertThat(replayMicros.get("streams").asDouble() / replayMicros.get("sink").asDouble()).as("the same "
                + "seconds divided by the same count").isCloseTo(replayCpu.get("streams").asDouble()
                / replayCpu.get("sink").asDouble(), within(0.05));
        assertThat(report.get("machine").get("cores").asInt()).isPositive();
    }
}
