package org.itapipe.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.itapipe.dataset.NationalDataset;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackOptions;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;

/**
 * {@code itapipe bench}: every stage against its peer on one fresh embedded stack, then the replay, memory and
 * latency with the services in their own JVMs on a second fresh stack (the replay starts from empty topics and
 * tables). See docs/benchmarks.md for the method.
 */
public final class Benchmarks {

    private static final List<Integer> YEARS = List.of(2567, 2568);
    private static final int LATENCY_YEAR = 2568;

    private final BenchSize size;
    private final Path stateDir;
    private final String launcherMainClass;
    private final PrintWriter progress;
    private final boolean profile;
    private final IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.standard();

    /**
     * @param launcherMainClass the {@code itapipe} main class, which starts each service in its own JVM
     * @param progress          where each step is announced as it starts
     * @param profile           record a Java Flight Recording of each service of the replay and latency run
     */
    public Benchmarks(BenchSize size, Path stateDir, String launcherMainClass, PrintWriter progress, boolean profile) {
        this.size = size;
        this.stateDir = stateDir;
        this.launcherMainClass = launcherMainClass;
        this.progress = progress;
        this.profile = profile;
    }

    public BenchReport run() throws Exception {
        BenchReport report = new BenchReport(size.name(), Machine.current());
        List<Organization> organizations = reference.organizations().all().stream()
                .filter(org -> size.national() || org.provinceCode().equals(size.replayProvince())).toList();
        NationalDataset dataset = new NationalDataset(organizations, reference.methodologies());
        int organizationYears = organizations.size() * YEARS.size();
        stages(report, dataset.generate(YEARS, Math.max(0, size.importSubmissions() - organizationYears)));
        replay(report, dataset.generate(YEARS, Math.max(0, size.replayRecords() - organizationYears)),
                organizations);
        return report;
    }

    private void stages(BenchReport report, NationalDataset.Waves waves) throws Exception {
        announce("starting a fresh stack for the stage benchmarks");
        try (EmbeddedStack stack = startStack("stages")) {
            TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
            TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
            announce("ingest: importing " + waves.total() + " submissions, then ProducerPerformance");
            long submissions = new IngestBench(stack, reference, serdes, stack.serviceStateDir("bench"),
                    launcherMainClass).measure(waves, report);
            announce("streams: the topology, then a pass-through application, over the same topic");
            new StreamsBench(stack.connections(), serdes, reference.methodologies(),
                    stack.serviceStateDir("bench-streams")).measure(submissions, report);
            announce("sink: a fresh sink over every topic, then ClickHouse's HTTP insert of the same rows, then its Kafka "
                    + "engine reading the gaps topic");
            new SinkBench(stack.endpoints(), reference.methodologies()).measure().forEach(report::add);
        }
    }

    private void replay(BenchReport report, NationalDataset.Waves waves, List<Organization> organizations)
            throws Exception {
        announce("starting a fresh stack and the services (ingest, streams, sink) in their own JVMs");
        try (EmbeddedStack stack = startStack("replay");
             PipelineServices services = PipelineServices.start(stack, launcherMainClass,
                     size.latencyRate(), profile)) {
            String scope = size.national() ? "national replay" : "replay of province " + size.replayProvince();
            Map<String, Long> processes = new LinkedHashMap<>(services.pids());
            processes.putAll(stack.childProcesses());
            processes.put("kafka broker + bench driver", ProcessHandle.current().pid());
            announce(scope + ": " + waves.total() + " records");
            Map<String, Double> before = cpuSeconds(processes);
            new ReplayBench(stack, reference, report).run(waves, scope);
            Map<String, Double> replayCpu = since(before, processes);
            report.cpuSeconds("replay", replayCpu, waves.total());
            report.observe("the replay's CPU bound", ReplayBench.cpuBound(replayCpu, waves.total(),
                    Runtime.getRuntime().availableProcessors()));
            processes.forEach((name, pid) -> report.peakRss(name, ProcessUsage.peakRssMiB(pid)));
            report.add(largestService(report.peakRss(), services.pids().keySet()));

            announce("latency: " + size.latencyRate() + " submissions/s through the ingest API, "
                    + size.latencyWarmUp().toSeconds() + " s of warm-up then " + size.latencyDuration().toSeconds()
                    + " s measured");
            TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
            before = cpuSeconds(processes);
            ServiceMetrics sinkBefore = services.metrics("sink");
            new LatencyBench(stack.endpoints(), serdes, new LatencySubmissions(
                    reference.methodologies().require(LATENCY_YEAR), organizations), services)
                    .measure(size.latencyRate(), size.latencyWarmUp(), size.latencyDuration()).forEach(report::add);
            report.cpuSeconds("latency run", since(before, processes), size.latencyRate()
                    * (size.latencyWarmUp().toSeconds() + size.latencyDuration().toSeconds()));
            observeSink(report, sinkBefore, services.metrics("sink"));
            observeStreams(report, services.metrics("streams"));
            report.observe("active ClickHouse parts per table after the latency run", new ClickHouseHttp(
                    stack.endpoints().clickhouseHttp(), stack.connections().clickhouse()).text(
                    "SELECT table, count() FROM system.parts WHERE active AND database = currentDatabase() "
                            + "GROUP BY table ORDER BY table FORMAT CSV").replace('\n', ' ').strip());
        }
    }

    /** How long the sink's batches took during the latency run, from its own timer (first record to commit). */
    private static void observeSink(BenchReport report, ServiceMetrics before, ServiceMetrics after) {
        double batches = after.sum("itapipe_sink_batch_seconds_count") - before.sum("itapipe_sink_batch_seconds_count");
        double seconds = after.sum("itapipe_sink_batch_seconds_sum") - before.sum("itapipe_sink_batch_seconds_sum");
        report.observe("sink batches during the latency run", String.format(Locale.ROOT,
                "%.0f, mean %.0f ms from first record to commit, recent max %.0f ms", batches,
                batches == 0 ? 0 : 1000 * seconds / batches, 1000 * after.sum("itapipe_sink_batch_seconds_max")));
    }

    /** Where the stream threads' time went in the last metrics window (the end of the latency run), per thread. */
    private static void observeStreams(BenchReport report, ServiceMetrics streams) {
        report.observe("stream threads at the end of the latency run", String.format(Locale.ROOT,
                "%d, each processing %.0f%%, polling %.0f%%, committing %.0f%% of its time (mean); %.0f ms per commit",
                streams.count("kafka_stream_thread_process_ratio"),
                100 * streams.mean("kafka_stream_thread_process_ratio"),
                100 * streams.mean("kafka_stream_thread_poll_ratio"),
                100 * streams.mean("kafka_stream_thread_commit_ratio"),
                streams.mean("kafka_stream_thread_commit_latency_avg")));
    }

    private static Map<String, Double> cpuSeconds(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> seconds.put(name, ProcessUsage.cpuSeconds(pid)));
        return seconds;
    }

    private static Map<String, Double> since(Map<String, Double> before, Map<String, Long> processes) {
        Map<String, Double> used = new LinkedHashMap<>();
        cpuSeconds(processes).forEach((name, now) -> used.put(name, now - before.get(name)));
        return used;
    }

    private EmbeddedStack startStack(String name) {
        return EmbeddedStack.start(new StackOptions(stateDir.resolve(name), StackPorts.free(), System.getenv()));
    }

    private void announce(String step) {
        progress.println("itapipe bench: " + step);
        progress.flush();
    }

    /** The services' peak RSS against issue 14's goal: each service within 512 MiB (with its heap limit). */
    private static BenchReport.Line largestService(Map<String, Long> peakRssMiB, Set<String> services) {
        Map.Entry<String, Long> largest = peakRssMiB.entrySet().stream()
                .filter(entry -> services.contains(entry.getKey())).max(Map.Entry.comparingByValue()).orElseThrow();
        return new BenchReport.Line("replay", "peak RSS of the largest service (" + largest.getKey() + ")",
                largest.getValue(), "MiB", "", Double.NaN,
                List.of(new BenchReport.Goal("each service <= 512 MiB", largest.getValue() <= 512)));
    }
}
