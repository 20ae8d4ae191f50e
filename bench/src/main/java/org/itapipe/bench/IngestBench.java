package org.itapipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.devstack.ChildJvm;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * Ingest: generated CSV files through the bulk import (read, validate, build Avro, publish idempotently with
 * acks=all) into the submissions topic; the peer is Kafka's own ProducerPerformance, in its own JVM, sending as many
 * records of the mean serialized submission size to the same broker with the same guarantees.
 */
final class IngestBench {

    static final String PEER_TOPIC = "bench.producer-performance";
    private static final Pattern PEER_TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final EmbeddedStack stack;
    private final IngestApplication.ReferenceData reference;
    private final TopicSerdes serdes;
    private final Path workDir;

    IngestBench(EmbeddedStack stack, IngestApplication.ReferenceData reference, TopicSerdes serdes, Path workDir) {
        this.stack = stack;
        this.reference = reference;
        this.serdes = serdes;
        this.workDir = workDir;
    }

    /**
     * The import's throughput against the peer's, and (an observation) how its time divided between reading and
     * validating and publishing; returns how many submissions it published.
     */
    long measure(NationalDataset.Waves waves, BenchReport report) throws Exception {
        List<Path> files = writeCsvFiles(waves);
        Connections connections = stack.connections();
        BulkImport importer = reference.bulkImport();
        IngestSettings settings = IngestSettings.from(ConfigSource.of(Map.of(), Map.of()));
        long accepted = 0;
        long bytes = 0;
        Serializer<ScoreSubmission> serializer = serdes.value(Topics.SUBMISSIONS).serializer();
        double seconds;
        List<ImportSummary> summaries = new ArrayList<>();
        try (SubmissionPublisher publisher = IngestApplication.publisher(connections, settings, true)) {
            long started = System.nanoTime();
            for (Path file : files) {
                summaries.add(importer.run(List.of(new ImportSource(file.getFileName().toString(), InputFormat.CSV,
                        () -> Files.newBufferedReader(file, StandardCharsets.UTF_8))), BulkImport.Admission.ALL,
                        Optional.of(publisher), result -> { }));
            }
            seconds = (System.nanoTime() - started) / 1e9;
            for (ImportSummary summary : summaries) {
                if (summary.rejected() > 0) {
                    throw new IllegalStateException("the generated data was rejected: " + summary.rejections());
                }
                accepted += summary.accepted();
                for (RecordResult result : summary.results()) {
                    bytes += serializer.serialize(Topics.SUBMISSIONS.name(),
                            ((RecordResult.Accepted) result).submission()).length;
                }
            }
        }
        int meanSize = (int) Math.round((double) bytes / accepted);
        double peer = producerPerformance(accepted, meanSize);
        double measured = accepted / seconds;
        report.add(new BenchReport.Line("ingest", "CSV bulk import -> Kafka (" + meanSize + " B/record)",
                measured, "submissions/s", "ProducerPerformance", peer,
                List.of(new BenchReport.Goal("ratio >= 0.60", measured / peer >= 0.6))));
        report.observe("ingest import phases (s)", String.format(Locale.ROOT,
                "reading and validating %.1f, publishing until acknowledged %.1f",
                summaries.stream().mapToDouble(summary -> summary.validating().toMillis() / 1e3).sum(),
                summaries.stream().mapToDouble(summary -> summary.publishing().toMillis() / 1e3).sum()));
        return accepted;
    }

    private List<Path> writeCsvFiles(NationalDataset.Waves waves) throws IOException {
        Files.createDirectories(workDir);
        List<Path> files = new ArrayList<>();
        for (int wave = 0; wave < waves.csv().size(); wave++) {
            Path file = workDir.resolve("submissions-revision-" + (wave + 1) + ".csv");
            Files.writeString(file, waves.csv().get(wave), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /** Runs the stock tool to completion and reads its total line: records/s. */
    private double producerPerformance(long records, int recordSize) throws Exception {
        try (Admin admin = Admin.create(stack.connections().kafka().clientProperties())) {
            BenchTopics.create(admin, PEER_TOPIC);
        }
        ChildJvm tool = stack.startJvm("producer-performance", List.of(),
                "org.apache.kafka.tools.ProducerPerformance", List.of("--topic", PEER_TOPIC,
                        "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                        "--throughput", "-1", "--producer-props",
                        "bootstrap.servers=" + stack.connections().kafka().bootstrapServers(), "acks=all",
                        "enable.idempotence=true"));
        int exit = tool.awaitExit(Duration.ofMinutes(5));
        Matcher total = PEER_TOTAL.matcher(Files.readString(tool.logFile()));
        double recordsPerSecond = Double.NaN;
        while (total.find()) {
            recordsPerSecond = Double.parseDouble(total.group(2));
        }
        if (exit != 0 || Double.isNaN(recordsPerSecond)) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + exit + "):\n" + tool.logTail(20));
        }
        return recordsPerSecond;
    }
}
