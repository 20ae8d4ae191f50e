package org.itapipe.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.config.ConfigSource;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.schema.PipelineCompletion;

/**
 * The national replay: with the services running on a fresh stack (empty topics and tables), import every wave of
 * the data set as {@code itapipe import} would, then wait until the analyst views are complete. Phases and total are
 * wall time.
 */
final class ReplayBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** Issue 14's goal: the national replay (55,000 records) in 15 s; a smaller replay at the same pace. */
    private static final double GOAL_SECONDS_PER_NATIONAL_REPLAY = 15;
    private static final double NATIONAL_REPLAY_RECORDS = 55_000;

    private final EmbeddedStack stack;
    private final IngestApplication.ReferenceData reference;
    private final BenchReport report;

    ReplayBench(EmbeddedStack stack, IngestApplication.ReferenceData reference, BenchReport report) {
        this.stack = stack;
        this.reference = reference;
        this.report = report;
    }

    void run(NationalDataset.Waves waves, String scope) throws Exception {
        BulkImport importer = reference.bulkImport();
        long started = System.nanoTime();
        try (SubmissionPublisher publisher = IngestApplication.publisher(stack.connections(),
                IngestSettings.from(ConfigSource.of(Map.of(), Map.of())), true)) {
            for (int wave = 0; wave < waves.csv().size(); wave++) {
                String csv = waves.csv().get(wave);
                ImportSummary summary = importer.run(List.of(new ImportSource("revision-" + (wave + 1) + ".csv",
                        InputFormat.CSV, () -> new StringReader(csv))), BulkImport.Admission.ALL,
                        Optional.of(publisher), result -> { });
                if (summary.accepted() != waves.rows().get(wave)) {
                    throw new IllegalStateException("the replay's wave " + (wave + 1) + " was not accepted whole: "
                            + summary.rejections());
                }
            }
        }
        double published = seconds(started);
        report.replayPhase("publish (bulk import)", published);
        try (Connection analyst = ClickHouseWriter.connect(stack.endpoints().clickhouseAnalyst())) {
            new PipelineCompletion(waves.firstRows(), waves.total()).await(analyst, TIMEOUT);
        }
        double total = seconds(started);
        report.replayPhase("streams and sink until the views are complete", total - published);
        double goal = goalSeconds(waves.total());
        report.add(new BenchReport.Line("replay", scope + ": " + waves.total() + " records, empty -> complete views",
                total, "s", "", Double.NaN, List.of(new BenchReport.Goal(String.format(Locale.ROOT,
                        "<= %.1f s (15 s per 55,000 records)", goal), total <= goal))));
        report.add(new BenchReport.Line("replay", "replay throughput", waves.total() / total, "submissions/s", "",
                Double.NaN, List.of()));
    }

    private static double goalSeconds(long records) {
        return GOAL_SECONDS_PER_NATIONAL_REPLAY * records / NATIONAL_REPLAY_RECORDS;
    }

    /**
     * What the processes' CPU time says of the replay's wall time: every process shares the machine's cores, so
     * the replay cannot take less than their CPU seconds over the cores, and the goal allows at most goal x cores
     * CPU seconds, spread over the records. Says why a replay misses its goal in figures any run can check.
     */
    static String cpuBound(Map<String, Double> cpuSecondsByProcess, long records, int cores) {
        double used = cpuSecondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        double goal = goalSeconds(records);
        return String.format(Locale.ROOT, "%,.0f µs per submission over all processes, %.1f CPU s, so at least "
                        + "%.1f s on %d cores; the goal (%.1f s) allows %,.0f µs per submission", used * 1e6 / records,
                used, used / cores, cores, goal, goal * cores * 1e6 / records);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
