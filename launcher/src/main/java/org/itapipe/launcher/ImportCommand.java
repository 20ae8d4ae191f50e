package org.itapipe.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.parse.PdfText;
import org.itapipe.ingest.importer.NormalizedJson;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.publish.SubmissionPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe import FILE...}: validates and publishes CSV, NDJSON and published ITA reports. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import score submissions: CSV (.csv), NDJSON (.ndjson, .jsonl) or published ITA analysis "
                + "reports (.txt: Thai text as extracted from the PDF, or the .pdf itself: its text layer).",
                "Every record is validated with the same rules as the HTTP API; accepted ones are published to "
                        + "ita.submissions.v1. Exits 1 when any record was rejected."})
final class ImportCommand implements Callable<Integer> {

    static final int SOME_REJECTED = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    private List<Path> files;

    @Option(names = "--format", description = "csv, ndjson or report, for files whose extension does not say.")
    private InputFormat format;

    @Option(names = "--dry-run", description = "Validate only; publish nothing.")
    private boolean dryRun;

    @Option(names = "--print", description = "Write the normalized submissions as NDJSON to standard output.")
    private boolean print;

    @Option(names = "--auto-register-schemas", negatable = true, defaultValue = "true",
            description = "Register the Avro schema if the registry lacks it (default: ${DEFAULT-VALUE}).")
    private boolean autoRegister;

    @Override
    public Integer call() throws IOException {
        List<ImportSource> sources = new ArrayList<>();
        long records = 0;
        for (Path file : files) {
            InputFormat fileFormat = format != null ? format : InputFormat.ofFileName(file.toString()).orElseThrow(() ->
                    new IllegalArgumentException(file + ": unknown extension; use --format csv|ndjson|report"));
            sources.add(new ImportSource(file.getFileName().toString(), fileFormat, InputFormat.isPdf(file.toString())
                    ? () -> new StringReader(PdfText.of(file)) : () -> Files.newBufferedReader(file, StandardCharsets.UTF_8)));
            records += estimateRecords(file, fileFormat);
        }
        BulkImport importer = IngestApplication.ReferenceData.from(config.source()).bulkImport();
        ImportSummary summary;
        if (!dryRun) {
            IngestApplication.createTopics(config.connections(),
                    Short.parseShort(config.source().get("topics.replication-factor", "1")));
        }
        try (ProgressBar progress = progressBar("import", dryRun ? records : records * 2);
             SubmissionPublisher publisher = dryRun ? null : IngestApplication.publisher(config.connections(),
                     IngestSettings.from(config.source()), autoRegister)) {
            summary = importer.run(sources, BulkImport.Admission.ALL, Optional.ofNullable(publisher),
                    result -> progress.step());
        }
        if (print) {
            PrintWriter out = spec.commandLine().getOut();
            summary.results().stream().filter(RecordResult.Accepted.class::isInstance)
                    .map(result -> NormalizedJson.of(((RecordResult.Accepted) result).submission()))
                    .forEach(out::println);
            out.flush();
        }
        report(summary);
        return summary.rejected() > 0 ? SOME_REJECTED : 0;
    }

    private void report(ImportSummary summary) {
        PrintWriter err = spec.commandLine().getErr();
        for (RecordResult result : summary.results()) {
            if (result instanceof RecordResult.Rejected rejected) {
                rejected.errors().forEach(error -> err.println("rejected " + result.source() + ":" + result.line()
                        + "  " + error));
            } else if (result instanceof RecordResult.Accepted accepted) {
                accepted.submission().getFlags().forEach(flag -> err.println("flagged  " + result.source() + ":"
                        + result.line() + "  " + flag.getField() + ": " + flag.getMessage() + " [" + flag.getRule()
                        + "]"));
                accepted.notes().forEach(note -> err.println("note     " + result.source() + ":" + result.line()
                        + "  " + note));
                if (accepted.deadLetterReason() != null) {
                    err.println("dead-lettered " + result.source() + ":" + result.line() + "  "
                            + accepted.deadLetterReason());
                }
            }
        }
        err.printf("%s: %d accepted%s, %d rejected, %d flagged, %d dead-lettered%n",
                summary.dryRun() ? "dry run (nothing published)" : "import", summary.accepted(),
                summary.dryRun() ? "" : " and published", summary.rejected(), summary.flagged(),
                summary.deadLettered());
        long records = summary.results().size();
        double seconds = (summary.validating().toNanos() + summary.publishing().toNanos()) / 1e9;
        err.printf(Locale.ROOT, "time: read and validate %.2f s, publish %.2f s; %.0f records/s%n",
                summary.validating().toNanos() / 1e9, summary.publishing().toNanos() / 1e9,
                seconds > 0 ? records / seconds : 0.0);
        err.flush();
    }

    private static long estimateRecords(Path file, InputFormat format) throws IOException {
        if (format == InputFormat.REPORT) {
            return 1;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            long count = lines.filter(line -> !line.isBlank()).count();
            return format == InputFormat.CSV ? Math.max(0, count - 1) : count;
        }
    }

    /** A bar on a terminal; where standard error is a file or a pipe, no bar (its redraws would only clutter it). */
    static ProgressBar progressBar(String task, long steps) {
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200);
        return System.console() != null ? bar.setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
                : bar.setConsumer(new DelegatingProgressBarConsumer(line -> { })).build();
    }
}
