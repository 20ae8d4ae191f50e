package org.itapipe.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TopicSettings;

/**
 * A replicated KRaft cluster on this machine: {@code brokers} nodes, each broker and controller in one, each in its
 * own JVM so that a test or an operator can kill one with SIGKILL and start it again on the same ports and data.
 * Every topic, internal ones included, is kept on every broker and acknowledged once all but one have it
 * ({@code min.insync.replicas=2} of 3): one broker can die without losing an acknowledged record or stopping the
 * pipeline. The services create their topics with {@link #topicSettings()}.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String LOGBACK = "kafka-broker-logback.xml";

    private final StateDirectories dirs;
    private final List<Integer> ports;
    private final List<Path> configFiles = new ArrayList<>();
    private final Map<Integer, ChildJvm> running = new TreeMap<>();

    private KafkaCluster(Path root, int brokers) {
        this.dirs = new StateDirectories(root.toAbsolutePath().normalize());
        this.ports = StackPorts.freePorts(2 * brokers);
    }

    /** Formats and starts a cluster of {@code brokers} nodes (ids 1..n) under {@code root}; returns when all answer. */
    public static KafkaCluster start(Path root, int brokers) {
        if (brokers < 3) {
            throw new IllegalArgumentException("a replicated cluster that survives a broker needs 3 brokers, not "
                    + brokers);
        }
        KafkaCluster cluster = new KafkaCluster(root, brokers);
        try {
            cluster.prepare(brokers);
            for (int node = 1; node <= brokers; node++) {
                cluster.launch(node);
            }
            cluster.awaitBrokers(brokers);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void prepare(int brokers) {
        try {
            Files.createDirectories(dirs.logs());
            try (InputStream logback = KafkaCluster.class.getResourceAsStream(LOGBACK)) {
                Files.copy(logback, dirs.root().resolve(LOGBACK), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the cluster directory " + dirs.root(), e);
        }
        String voters = IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> node + "@127.0.0.1:" + controllerPort(node)).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= brokers; node++) {
            Path dataDir = dirs.root().resolve("kafka-" + node);
            Properties config = EmbeddedKafka.brokerConfig(dataDir, node, brokerPort(node), controllerPort(node),
                    voters, brokers);
            configFiles.add(EmbeddedKafka.formatOnce(dataDir, config, clusterId));
        }
    }

    private void launch(int node) {
        running.put(node, ChildJvm.start("kafka-" + node, dirs, ChildJvm.thisClasspath(),
                List.of("-Xmx384m", "-XX:+UseSerialGC",
                        "-Dlogback.configurationFile=" + dirs.root().resolve(LOGBACK)),
                "kafka.Kafka", List.of(configFiles.get(node - 1).toString())));
    }

    private void awaitBrokers(int brokers) {
        Await.until(brokers + " Kafka brokers at " + bootstrapServers(), READY_TIMEOUT,
                () -> EmbeddedKafka.answers(bootstrapServers(), brokers),
                () -> running.values().forEach(ChildJvm::requireAlive));
    }

    private int brokerPort(int node) {
        return ports.get(2 * (node - 1));
    }

    private int controllerPort(int node) {
        return ports.get(2 * (node - 1) + 1);
    }

    private int brokers() {
        return configFiles.size();
    }

    /** Every broker's address: a client reaches the cluster while any one of them is down. */
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, brokers()).mapToObj(node -> "127.0.0.1:" + brokerPort(node))
                .collect(Collectors.joining(","));
    }

    public KafkaSettings settings() {
        return KafkaSettings.of(bootstrapServers());
    }

    /** Topics kept on every broker, with the services' usual partitions. */
    public TopicSettings topicSettings() {
        return new TopicSettings((short) brokers(), TopicSettings.SINGLE_BROKER.partitions());
    }

    /** The broker that leads partition {@code partition} of {@code topic} now (e.g. the group coordinator's). */
    public int leaderOf(String topic, int partition) throws Exception {
        try (Admin admin = Admin.create(settings().clientProperties())) {
            TopicPartitionInfo info = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().get(partition);
            Node leader = info.leader();
            if (leader == null) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader now");
            }
            return leader.id();
        }
    }

    /** SIGKILL of broker {@code node}: its clients see connections refused, its partitions elect new leaders. */
    public void kill(int node) throws InterruptedException {
        ChildJvm broker = running.remove(node);
        if (broker == null) {
            throw new IllegalStateException("broker " + node + " is not running");
        }
        broker.kill();
    }

    /** Starts broker {@code node} again on its ports and data and waits until the cluster has every broker back. */
    public void restart(int node) {
        if (!running.containsKey(node)) {
            launch(node);
        }
        awaitBrokers(brokers());
    }

    /** Where broker {@code node} logs. */
    public Path logFile(int node) {
        return dirs.logFile("kafka-" + node);
    }

    @Override
    public void close() {
        running.values().forEach(ChildJvm::close);
        running.clear();
    }
}
