package org.itapipe.launcher;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import me.tongfei.progressbar.ProgressBar;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.StackOptions;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.launcher.demo.DemoReport;
import org.itapipe.reports.web.WebApplication;
import org.itapipe.reports.web.WebSettings;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.schema.PipelineCompletion;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.notifier.NotifierApplication;
import org.itapipe.notifier.NotifierSettings;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code itapipe demo}: the whole pipeline in one JVM on the embedded stack, fed with a national data set and the
 * real seed report, and a report read back from ClickHouse; then it keeps running for the user to explore.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the embedded stack and every service (ingest, streams, sink, notifier), load generated "
                + "(synthetic) FY 2567 and 2568 scores for every organization of the DLA registry with some "
                + "revisions, import the real seed report, wait until ClickHouse holds everything, and print a "
                + "report.",
                "Then keep running (endpoints printed as key=value lines) until interrupted; --exit stops after the "
                        + "report."})
final class DemoCommand implements Callable<Integer> {

    private static final String SEED_ORG = "6190803";
    /** The demo's own key; each run replaces the previous run's. */
    private static final String DEMO_KEY = "demo (national)";
    private static final int REPORT_YEAR = 2568;
    private static final List<Integer> YEARS = List.of(2567, 2568);
    /** About 3% of the organization-years get a correction, as in a real round. */
    private static final int REVISIONS = 450;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StackLocation location;

    @Mixin
    private StackPortOptions ports;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file for the demo's services, e.g. notifier.webhook.<name>.url/.secret to receive "
                    + "the alerts; connection settings in it are ignored (the demo runs its own stack).")
    private Path config;

    @Option(names = "--exit", description = "Stop after the report.")
    private boolean exit;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Ingest API (default: ${DEFAULT-VALUE}).")
    private int ingestPort;

    @Option(names = "--web-port", paramLabel = "PORT", defaultValue = "8090",
            description = "Pages and reports (default: ${DEFAULT-VALUE}).")
    private int webPort;

    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final List<AutoCloseable> running = new ArrayList<>();
    private WebApplication web;
    /** Where each background service answers /health and /metrics, printed with the other endpoints. */
    private final Map<String, Integer> healthPorts = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Path stateDir = location.prepare();
        PrintWriter err = spec.commandLine().getErr();
        err.println("itapipe: demo, state and logs in " + stateDir);
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "demo-shutdown"));

        EmbeddedStack stack = timed("stack", () -> EmbeddedStack.start(new StackOptions(stateDir, ports.toPorts(),
                System.getenv())));
        running.add(stack);
        StackEndpoints endpoints = stack.endpoints();
        // Commands started without a configuration while the demo runs (itapipe import, keys, report) find it.
        StackLocation.writeEndpoints(stateDir, endpoints.lines());
        running.add(() -> StackLocation.removeEndpoints(stateDir));
        // The machine's key file, which itapipe keys writes too: a key created while the demo runs works at once.
        Path keysFile = StackLocation.defaultKeysFile();
        ApiKeyStore keys = ApiKeyStore.load(keysFile);
        keys.keys().stream().filter(key -> key.name().equals(DEMO_KEY)).forEach(key -> keys.revoke(key.id()));
        String apiKey = keys.create(DEMO_KEY, new Scope.National()).plainText();
        keys.save(keysFile);
        IngestSettings ingestSettings = IngestSettings.from(ConfigSource.of(Map.of("ingest.port",
                Integer.toString(ingestPort)), Map.of()));
        ConfigSource demo = ConfigSource.load(config, System.getenv()).withDefaults(Map.of(
                "schemas.auto-register", "true", "streams.state-dir", stack.serviceStateDir("streams").toString(),
                "notifier.web-url", "http://127.0.0.1:" + webPort));
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.from(demo);
        timed("services", () -> {
            running.add(0, IngestApplication.start(endpoints.connections(), ingestSettings, reference, keys, true,
                    TopicSettings.from(demo)));
            StreamsApplication streams = StreamsApplication.start(endpoints.connections(),
                    StreamsSettings.from(demo), reference.methodologies());
            running.add(0, streams);
            healthPorts.put("streams", streams.httpPort());
            SinkApplication sink = SinkApplication.start(endpoints.connections(), SinkSettings.from(demo),
                    reference.methodologies(), SinkLoader.AfterInsert.NOTHING);
            running.add(0, sink);
            healthPorts.put("sink", sink.httpPort());
            NotifierApplication notifier = NotifierApplication.start(endpoints.connections(),
                    NotifierSettings.from(demo), reference.methodologies(), reference.organizations());
            running.add(0, notifier);
            healthPorts.put("notifier", notifier.httpPort());
            web = WebApplication.start(endpoints.clickhouseAnalyst(), WebSettings.from(demo.withDefaults(
                    Map.of(WebSettings.PORT, Integer.toString(webPort)))), reference.methodologies(),
                    reference.organizations());
            running.add(0, web);
            return null;
        });

        NationalDataset.Waves national = timed("generate national data", () ->
                new NationalDataset(reference.organizations().all(), reference.methodologies(),
                        Set.of(Topics.orgYearKey(SEED_ORG, REPORT_YEAR))).generate(YEARS, REVISIONS));
        BulkImport importer = reference.bulkImport();
        try (SubmissionPublisher publisher = IngestApplication.publisher(endpoints.connections(), ingestSettings,
                true)) {
            ImportSummary first = timed("publish first submissions", () -> importWithProgress(importer, publisher,
                    csvSource("national.csv", national.csv().get(0)), national.firstRows()));
            timed("publish revisions", () -> {
                for (int wave = 1; wave < national.csv().size(); wave++) {
                    importWithProgress(importer, publisher, csvSource("revisions-" + (wave + 1) + ".csv",
                            national.csv().get(wave)), national.rows().get(wave));
                }
                return null;
            });
            ImportSummary seed = timed("import seed report", () -> importWithProgress(importer, publisher,
                    new ImportSource("ban-kluai-2568-analysis.txt", InputFormat.REPORT, () -> new InputStreamReader(
                            DemoCommand.class.getResourceAsStream("/org/itapipe/schemas/samples/"
                                    + "ban-kluai-2568-analysis.txt"), StandardCharsets.UTF_8)), 1));
            long seedRevision = seed.results().stream().filter(RecordResult.Accepted.class::isInstance)
                    .map(result -> ((RecordResult.Accepted) result).submission().getRevision()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the seed report was not accepted"));
            // The generated revisions of an organization-year run 1..n: their last ones sum to the record count.
            long organizationYears = first.accepted() + 1;
            timed("wait for ClickHouse", () -> awaitLoaded(endpoints, organizationYears,
                    new PipelineCompletion(organizationYears, national.total() + seedRevision)));
        }

        new DemoReport(endpoints.clickhouseAnalyst(), reference.geography())
                .print(spec.commandLine().getOut(), SEED_ORG, REPORT_YEAR, phases);
        if (exit) {
            stopAll();
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        endpoints.lines().forEach(out::println);
        out.println("ingest.url=http://127.0.0.1:" + ingestPort);
        out.println("ingest.api_key=" + apiKey);
        healthPorts.forEach((service, port) -> out.println(service + ".health=http://127.0.0.1:" + port + "/health"));
        out.println("web.url=http://127.0.0.1:" + web.port() + "/");
        out.println("web.seed_report=http://127.0.0.1:" + web.port() + "/organizations/" + SEED_ORG + "/"
                + REPORT_YEAR);
        out.flush();
        err.println("itapipe: the demo is running; press Ctrl-C to stop it");
        err.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private static ImportSource csvSource(String name, String csv) {
        return new ImportSource(name, InputFormat.CSV, () -> new StringReader(csv));
    }

    private ImportSummary importWithProgress(BulkImport importer, SubmissionPublisher publisher, ImportSource source,
                                             long records) throws Exception {
        try (ProgressBar bar = ImportCommand.progressBar(source.name(), records * 2)) {
            ImportSummary summary = importer.run(List.of(source), BulkImport.Admission.ALL, Optional.of(publisher),
                    result -> bar.step());
            summary.rejections().forEach(rejected -> spec.commandLine().getErr().println("itapipe: rejected "
                    + rejected.source() + ":" + rejected.line() + " " + rejected.errors()));
            return summary;
        }
    }

    /** Waits until the views hold everything sent (PipelineCompletion, the bench's probe too), with a progress bar. */
    private Void awaitLoaded(StackEndpoints endpoints, long organizationYears, PipelineCompletion completion)
            throws Exception {
        try (ProgressBar bar = ImportCommand.progressBar("ClickHouse", organizationYears);
             Connection connection = ClickHouseWriter.connect(endpoints.clickhouseAnalyst())) {
            completion.await(connection, Duration.ofMinutes(10), bar::stepTo);
        }
        return null;
    }

    @FunctionalInterface
    private interface Phase<T> {
        T run() throws Exception;
    }

    private <T> T timed(String name, Phase<T> phase) throws Exception {
        long started = System.nanoTime();
        T result = phase.run();
        phases.put(name, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private synchronized void stopAll() {
        for (AutoCloseable service : running) {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("itapipe: stopping " + service.getClass().getSimpleName() + " failed: " + e);
            }
        }
        running.clear();
    }
}
