package org.itapipe.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.itapipe.config.TopicSettings;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.NormalizedJson;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.importer.TextFile;
import org.itapipe.ingest.parse.PdfText;
import org.itapipe.ingest.publish.SubmissionPublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code itapipe import FILE...}: validates and publishes CSV, NDJSON and published ITA reports. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import score submissions: CSV (.csv), NDJSON (.ndjson, .jsonl) or published ITA analysis "
                + "reports (.txt: Thai text as extracted from the PDF, or the .pdf itself: its text layer).",
                "Every record is validated with the same rules as the HTTP API; accepted ones are published to "
                        + "ita.submissions.v1. Text files are read as UTF-8 (a byte-order mark and CRLF line ends "
                        + "are fine) or, when they are not UTF-8, as Windows-874/TIS-620; --encoding names another.",
                "Exit codes: 0 all imported; 1 some records rejected (each listed with its file and line); 2 usage "
                        + "or settings error; 3 some files could not be read (each named; the others are imported)."})
final class ImportCommand implements Callable<Integer> {

    static final int SOME_REJECTED = 1;
    static final int UNREADABLE_FILES = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    private List<Path> files;

    @Option(names = "--format", description = "csv, ndjson or report, for files whose extension does not say.")
    private InputFormat format;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The text files' encoding, e.g. UTF-8 or x-windows-874 (default: detected).")
    private Charset encoding;

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
        int unreadable = 0;
        for (Path file : files) {
            InputFormat fileFormat;
            String text;
            try {
                text = InputFormat.isPdf(file.toString()) ? PdfText.of(file)
                        : TextFile.read(file, Optional.ofNullable(encoding));
                fileFormat = format != null ? format : InputFormat.ofFileName(file.toString()).orElseThrow(() ->
                        new TextFile.Unreadable(file + ": unknown extension; use --format csv|ndjson|report"));
            } catch (IOException e) {
                // Each file stands or falls on its own: the others are still imported.
                spec.commandLine().getErr().println("itapipe: " + e.getMessage());
                unreadable++;
                continue;
            }
            sources.add(new ImportSource(file.getFileName().toString(), fileFormat, () -> new StringReader(text)));
            records += estimateRecords(text, fileFormat);
        }
        if (sources.isEmpty()) {
            return UNREADABLE_FILES;
        }
        BulkImport importer = config.reference().bulkImport();
        ImportSummary summary;
        if (!dryRun) {
            IngestApplication.createTopics(config.connections(KafkaPrincipals.INGEST), TopicSettings.from(config.source()));
        }
        try (ProgressBar progress = progressBar("import", dryRun ? records : records * 2);
             SubmissionPublisher publisher = dryRun ? null : IngestApplication.publisher(config.connections(KafkaPrincipals.INGEST),
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
        return unreadable > 0 ? UNREADABLE_FILES : summary.rejected() > 0 ? SOME_REJECTED : 0;
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
        double seconds = (summary.reading().toNanos() + summary.processing().toNanos()) / 1e9;
        err.printf(Locale.ROOT, "time: read %.2f s, validate%s %.2f s; %.0f records/s%n",
                summary.reading().toNanos() / 1e9, summary.dryRun() ? "" : " and publish",
                summary.processing().toNanos() / 1e9, seconds > 0 ? records / seconds : 0.0);
        err.flush();
    }

    private static long estimateRecords(String text, InputFormat format) {
        if (format == InputFormat.REPORT) {
            return 1;
        }
        long count = text.lines().filter(line -> !line.isBlank()).count();
        return format == InputFormat.CSV ? Math.max(0, count - 1) : count;
    }

    /** A bar on a terminal; where standard error is a file or a pipe, no bar (its redraws would only clutter it). */
    static ProgressBar progressBar(String task, long steps) {
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200);
        return System.console() != null ? bar.setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
                : bar.setConsumer(new DelegatingProgressBarConsumer(line -> { })).build();
    }
}
