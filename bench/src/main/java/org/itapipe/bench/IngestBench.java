package org.itapipe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.devstack.ChildJvm;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.ServiceJvm;

/**
 * Ingest: generated CSV files through {@code itapipe import} (read, validate, build Avro, publish idempotently with
 * acks=all) into the submissions topic, each in its own JVM; the peer is Kafka's own ProducerPerformance, in its own
 * JVM, sending as many records of the mean serialized submission size to the same broker with the same guarantees.
 */
final class IngestBench {

    static final String PEER_TOPIC = "bench.producer-performance";
    private static final Pattern PEER_TOTAL = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");
    /** The lines {@code itapipe import} ends with (ImportCommand). */
    private static final Pattern IMPORT_SUMMARY = Pattern.compile("import: (\\d+) accepted and published, (\\d+) "
            + "rejected");
    private static final Pattern IMPORT_TIME = Pattern.compile("time: read ([\\d.]+) s, validate and publish "
            + "([\\d.]+) s");

    private final EmbeddedStack stack;
    private final IngestApplication.ReferenceData reference;
    private final TopicSerdes serdes;
    private final Path workDir;
    private final String launcherMainClass;

    IngestBench(EmbeddedStack stack, IngestApplication.ReferenceData reference, TopicSerdes serdes, Path workDir,
                String launcherMainClass) {
        this.stack = stack;
        this.reference = reference;
        this.serdes = serdes;
        this.workDir = workDir;
        this.launcherMainClass = launcherMainClass;
    }

    /**
     * The import's throughput against the peer's, and (an observation) how its time divided between reading, and
     * validating and publishing; returns how many submissions it published. Each wave goes through
     * {@code itapipe import} in its own JVM, as an operator runs it (with the JVM options that command has, as the peer
     * has its own); the time is the one the command reports (reading, then validating and publishing until
     * acknowledged), without the JVM's start, as ProducerPerformance's rate is its own.
     */
    long measure(NationalDataset.Waves waves, BenchReport report) throws Exception {
        List<Path> files = writeCsvFiles(waves);
        Path config = workDir.resolve("import.properties");
        Files.write(config, stack.endpoints().lines());
        List<ImportRun> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(importInItsOwnJvm(file, config));
        }
        long accepted = runs.stream().mapToLong(ImportRun::accepted).sum();
        double reading = runs.stream().mapToDouble(ImportRun::readingSeconds).sum();
        double processing = runs.stream().mapToDouble(ImportRun::processingSeconds).sum();
        int meanSize = meanEncodedSize(files);
        double peer = producerPerformance(accepted, meanSize);
        double measured = accepted / (reading + processing);
        report.add(new BenchReport.Line("ingest", "CSV bulk import -> Kafka (" + meanSize + " B/record)",
                measured, "submissions/s", "ProducerPerformance", peer,
                List.of(new BenchReport.Goal("ratio >= 0.60", measured / peer >= 0.6))));
        report.observe("ingest import phases (s)", String.format(Locale.ROOT,
                "reading %.1f, validating and publishing until acknowledged %.1f", reading, processing));
        return accepted;
    }

    /** What one {@code itapipe import} said of itself. */
    private record ImportRun(long accepted, double readingSeconds, double processingSeconds) {
    }

    private ImportRun importInItsOwnJvm(Path file, Path config) throws Exception {
        String name = "import-" + file.getFileName().toString().replace(".csv", "");
        ChildJvm command = stack.startJvm(name, ServiceJvm.options("import"), launcherMainClass,
                List.of("import", file.toString(), "--config", config.toString()));
        int exit = command.awaitExit(Duration.ofMinutes(5));
        String log = Files.readString(command.logFile());
        Matcher summary = IMPORT_SUMMARY.matcher(log);
        Matcher time = IMPORT_TIME.matcher(log);
        if (exit != 0 || !summary.find() || !time.find() || !summary.group(2).equals("0")) {
            throw new IllegalStateException("itapipe import of " + file.getFileName() + " failed (exit " + exit
                    + "):\n" + command.logTail(20));
        }
        return new ImportRun(Long.parseLong(summary.group(1)), Double.parseDouble(time.group(1)),
                Double.parseDouble(time.group(2)));
    }

    /** The mean size of the imported submissions as encoded for the topic: what the peer sends per record. */
    private int meanEncodedSize(List<Path> files) throws IOException {
        Serializer<ScoreSubmission> serializer = serdes.value(Topics.SUBMISSIONS).serializer();
        long bytes = 0;
        long records = 0;
        for (Path file : files) {
            ImportSummary dryRun = reference.bulkImport().run(List.of(new ImportSource(file.getFileName().toString(),
                    InputFormat.CSV, () -> Files.newBufferedReader(file, StandardCharsets.UTF_8))),
                    BulkImport.Admission.ALL, Optional.empty(), result -> { });
            for (RecordResult result : dryRun.results()) {
                bytes += serializer.serialize(Topics.SUBMISSIONS.name(),
                        ((RecordResult.Accepted) result).submission()).length;
                records++;
            }
        }
        return (int) Math.round((double) bytes / records);
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
