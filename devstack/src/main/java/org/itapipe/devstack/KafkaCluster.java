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
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TopicSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated KRaft cluster on this machine: {@code brokers} nodes, each broker and controller in one, each in its
 * own JVM so that a test or an operator can kill one with SIGKILL and start it again on the same ports and data.
 * Every topic, internal ones included, is kept on every broker and acknowledged once all but one have it
 * ({@code min.insync.replicas=2} of 3): one broker can die without losing an acknowledged record or stopping the
 * pipeline. The services create their topics with {@link #topicSettings()}. A broker that ends by itself (a crash, a
 * {@code kill -9} by an operator rehearsing) is logged as an ERROR and started again on its ports and data, as a
 * service manager would; {@link #kill} ends one for good until {@link #restart}.
 */
public final class KafkaCluster implements KafkaPart {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STABLE_AFTER = Duration.ofSeconds(10);
    private static final String LOGBACK = "kafka-broker-logback.xml";

    private final StateDirectories dirs;
    private final Path dataRoot;
    private final List<Integer> brokerPorts;
    private final List<Integer> controllerPorts;
    private final List<Path> configFiles = new ArrayList<>();
    private final Map<Integer, ChildJvm> running = new TreeMap<>();
    private final Map<Integer, Long> launchedAt = new TreeMap<>();
    private Duration readyAfter = Duration.ZERO;
    private boolean supervising;
    private boolean closed;

    private KafkaCluster(StateDirectories dirs, Path dataRoot, List<Integer> brokerPorts,
                         List<Integer> controllerPorts) {
        this.dirs = dirs;
        this.dataRoot = dataRoot;
        this.brokerPorts = List.copyOf(brokerPorts);
        this.controllerPorts = List.copyOf(controllerPorts);
    }

    /**
     * Formats and starts a cluster of {@code brokers} nodes (ids 1..n) under {@code root} (data and logs), on ports
     * free now; returns when all answer.
     */
    public static KafkaCluster start(Path root, int brokers) {
        List<Integer> ports = StackPorts.freePorts(2 * brokers);
        StateDirectories dirs = new StateDirectories(root.toAbsolutePath().normalize());
        return start(dirs, dirs.root(), ports.subList(0, brokers), ports.subList(brokers, 2 * brokers));
    }

    /** The stack's cluster: data under {@code dataRoot}, logs in the stack's, on the given ports (broker n at n-1). */
    static KafkaCluster start(StateDirectories dirs, Path dataRoot, List<Integer> brokerPorts,
                              List<Integer> controllerPorts) {
        int brokers = brokerPorts.size();
        if (brokers < 3) {
            throw new IllegalArgumentException("a replicated cluster that survives a broker needs 3 brokers, not "
                    + brokers);
        }
        long started = System.nanoTime();
        KafkaCluster cluster = new KafkaCluster(dirs, dataRoot, brokerPorts, controllerPorts);
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
        cluster.readyAfter = Duration.ofNanos(System.nanoTime() - started);
        synchronized (cluster) {
            cluster.supervising = true;
        }
        return cluster;
    }

    private void prepare(int brokers) {
        try {
            Files.createDirectories(dirs.logs());
            Files.createDirectories(dataRoot);
            try (InputStream logback = KafkaCluster.class.getResourceAsStream(LOGBACK)) {
                Files.copy(logback, dataRoot.resolve(LOGBACK), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the cluster directory " + dirs.root(), e);
        }
        String voters = IntStream.rangeClosed(1, brokers)
                .mapToObj(node -> node + "@127.0.0.1:" + controllerPort(node)).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (int node = 1; node <= brokers; node++) {
            Path dataDir = dataRoot.resolve("kafka-" + node);
            Properties config = EmbeddedKafka.brokerConfig(dataDir, node, brokerPort(node), controllerPort(node),
                    voters, brokers);
            configFiles.add(EmbeddedKafka.formatOnce(dataDir, config, clusterId, List.of()));
        }
    }

    private synchronized void launch(int node) {
        ChildJvm broker = ChildJvm.start("kafka-" + node, dirs, ChildJvm.thisClasspath(),
                List.of("-Xmx384m", "-XX:+UseSerialGC",
                        "-Dlogback.configurationFile=" + dataRoot.resolve(LOGBACK)),
                "kafka.Kafka", List.of(configFiles.get(node - 1).toString()));
        running.put(node, broker);
        launchedAt.put(node, System.nanoTime());
        broker.exited().thenRun(() -> brokerEnded(node, broker));
    }

    /**
     * A broker that ended although nobody stopped it is started again, so that the cluster keeps all its brokers;
     * one that ends again within {@link #STABLE_AFTER} of its start is left down (its log says why), not restarted in
     * a loop. While the cluster starts, {@link #awaitBrokers} reports a broker that ended instead.
     */
    private synchronized void brokerEnded(int node, ChildJvm broker) {
        if (!supervising || closed || running.get(node) != broker) {
            return;
        }
        if (System.nanoTime() - launchedAt.get(node) < STABLE_AFTER.toNanos()) {
            running.remove(node);
            LOG.error("Kafka broker {} of {} ended within {} s of its start: {}; it stays down", node, brokers(),
                    STABLE_AFTER.toSeconds(), broker.exitReport());
            return;
        }
        LOG.error("Kafka broker {} of {} ended: {}; starting it again on the same ports and data", node, brokers(),
                broker.exitReport());
        launch(node);
    }

    private void awaitBrokers(int brokers) {
        Await.until(brokers + " Kafka brokers at " + bootstrapServers(), READY_TIMEOUT,
                () -> EmbeddedKafka.answers(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                        brokers),
                () -> brokersNow().forEach(ChildJvm::requireAlive));
    }

    private synchronized List<ChildJvm> brokersNow() {
        return List.copyOf(running.values());
    }

    private int brokerPort(int node) {
        return brokerPorts.get(node - 1);
    }

    private int controllerPort(int node) {
        return controllerPorts.get(node - 1);
    }

    private int brokers() {
        return configFiles.size();
    }

    /** Every broker's address: a client reaches the cluster while any one of them is down. */
    @Override
    public String bootstrapServers() {
        return IntStream.rangeClosed(1, brokers()).mapToObj(node -> "127.0.0.1:" + brokerPort(node))
                .collect(Collectors.joining(","));
    }

    public KafkaSettings settings() {
        return KafkaSettings.of(bootstrapServers());
    }

    @Override
    public Map<String, String> clientSettings() {
        return Map.of();
    }

    @Override
    public int replicas() {
        return brokers();
    }

    /** Topics kept on every broker, with the services' usual partitions. */
    public TopicSettings topicSettings() {
        return new TopicSettings((short) replicas(), TopicSettings.SINGLE_BROKER.partitions());
    }

    @Override
    public Duration readyAfter() {
        return readyAfter;
    }

    /** The process id of broker {@code node}, for a rehearsal's {@code kill}. */
    public synchronized long pid(int node) {
        return running.get(node).pid();
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
        ChildJvm broker;
        synchronized (this) {
            broker = running.remove(node);
        }
        if (broker == null) {
            throw new IllegalStateException("broker " + node + " is not running");
        }
        broker.kill();
    }

    /** Starts broker {@code node} again on its ports and data and waits until the cluster has every broker back. */
    public void restart(int node) {
        synchronized (this) {
            if (!running.containsKey(node)) {
                launch(node);
            }
        }
        awaitBrokers(brokers());
    }

    /** Where broker {@code node} logs. */
    public Path logFile(int node) {
        return dirs.logFile("kafka-" + node);
    }

    @Override
    public void close() {
        List<ChildJvm> stopping;
        synchronized (this) {
            closed = true;
            stopping = brokersNow();
            running.clear();
        }
        stopping.forEach(ChildJvm::close);
    }
}
