package org.itapipe.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.ItaTopology;
import org.itapipe.streams.StreamsSettings;

/**
 * Streams: the full topology (exactly_once_v2) over a pre-loaded submissions topic, from the moment the application
 * is RUNNING until everything it read and wrote is committed; the peer is a pass-through application with the same
 * guarantee and settings over the same topic. Both start from an empty state, under their own application ids.
 */
final class StreamsBench {

    static final String PASS_THROUGH_TOPIC = "bench.pass-through.v1";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final Connections connections;
    private final TopicSerdes serdes;
    private final MethodologyCatalog methodologies;
    private final Path stateDir;

    StreamsBench(Connections connections, TopicSerdes serdes, MethodologyCatalog methodologies, Path stateDir) {
        this.connections = connections;
        this.serdes = serdes;
        this.methodologies = methodologies;
        this.stateDir = stateDir;
    }

    /**
     * The throughput against the peer's, and how many log entries the topology writes per submission, in all and
     * (an observation) by topic.
     */
    void measure(long submissions, BenchReport report) throws Exception {
        String full = "bench-streams-full";
        double throughput;
        Map<String, Long> written;
        double peer;
        try (Admin admin = Admin.create(connections.kafka().clientProperties())) {
            BenchTopics.create(admin, PASS_THROUGH_TOPIC);
            throughput = submissions / drain(admin, full, new ItaTopology(serdes, methodologies).build());
            written = entriesWritten(admin, full);
            peer = submissions / drain(admin, "bench-streams-pass-through", passThrough());
        }
        report.add(new BenchReport.Line("streams", "submissions through the topology (exactly_once_v2)",
                throughput, "submissions/s", "pass-through Streams app", peer, List.of(
                new BenchReport.Goal("ratio >= 0.15", throughput / peer >= 0.15),
                new BenchReport.Goal(">= 10,000 submissions/s", throughput >= 10_000))));
        report.add(new BenchReport.Line("streams", "log entries written per submission (pass-through: 1)",
                (double) written.values().stream().mapToLong(Long::longValue).sum() / submissions, "entries", "",
                Double.NaN, List.of()));
        report.observe("streams log entries per submission by topic (transaction markers included)",
                written.entrySet().stream().filter(entry -> entry.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(entry -> String.format(Locale.ROOT, "%s %.2f",
                                entry.getKey().replace(full + "-", ""), (double) entry.getValue() / submissions))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * Everything the application appended, per topic: its output topics, changelogs and repartition topics,
     * transaction markers included (they cost the broker a write too). The stack is fresh, so the end offsets are
     * what it wrote.
     */
    private static Map<String, Long> entriesWritten(Admin admin, String applicationId) throws Exception {
        List<String> topics = new ArrayList<>(admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-")).toList());
        Topics.ALL.stream().filter(topic -> topic != Topics.SUBMISSIONS).forEach(topic -> topics.add(topic.name()));
        Map<String, Long> byTopic = new TreeMap<>();
        new GroupDrain(admin).endOffsets(topics).forEach((partition, end) -> byTopic.merge(partition.topic(), end,
                Long::sum));
        return byTopic;
    }

    private Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.SUBMISSIONS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    /**
     * Runs the topology until drained; returns the seconds from the moment its first stream thread could process
     * (RUNNING: its tasks assigned and restored; the others may still be joining) to drained.
     */
    private double drain(Admin admin, String applicationId, Topology topology) throws Exception {
        StreamsSettings settings = StreamsSettings.from(ConfigSource.of(Map.of(), Map.of()))
                .withApplication(applicationId, stateDir.resolve(applicationId), 0);
        Properties config = settings.streamsConfig(connections, serdes);
        GroupDrain drain = new GroupDrain(admin);
        try (KafkaStreams streams = new KafkaStreams(topology, config)) {
            streams.start();
            long started = awaitFirstRunningThread(streams, applicationId);
            drain.await(applicationId, () -> drain.endOffsets(sourceTopics(admin, applicationId)), TIMEOUT);
            double seconds = (System.nanoTime() - started) / 1e9;
            streams.close(Duration.ofSeconds(30));
            return seconds;
        }
    }

    /** The moment (nanoTime, within a few milliseconds) the first stream thread of the application runs. */
    private static long awaitFirstRunningThread(KafkaStreams streams, String applicationId)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (streams.metadataForLocalThreads().stream().noneMatch(thread -> thread.threadState().equals("RUNNING"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(applicationId + " has no running stream thread: " + streams.state());
            }
            Thread.sleep(2);
        }
        return System.nanoTime();
    }

    /** The submissions topic and the application's repartition topics, which it reads as well. */
    private static List<String> sourceTopics(Admin admin, String applicationId) {
        List<String> topics = new ArrayList<>(List.of(Topics.SUBMISSIONS.name()));
        try {
            topics.addAll(admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                    .collect(Collectors.toList()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics of " + applicationId + ": " + e, e);
        }
        return topics;
    }
}
