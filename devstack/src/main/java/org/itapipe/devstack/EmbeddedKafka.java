package org.itapipe.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker (broker and controller in one) running inside this JVM. Its settings
 * ({@link #brokerConfig}, shared with the brokers of {@link KafkaCluster}) are the ones a one-node cluster needs
 * (replication factor 1 for every internal topic) plus few partitions for internal topics, which keeps group and
 * transaction coordination fast in tests.
 */
final class EmbeddedKafka implements KafkaPart {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Duration readyAfter;
    private final Map<String, String> clientSettings;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Duration readyAfter,
                          Map<String, String> clientSettings) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.readyAfter = readyAfter;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** A plain-text broker, or with {@code security} a SASL/TLS one that only the admin may use until ACLs exist. */
    static EmbeddedKafka start(Path dataDir, int port, int controllerPort, Optional<BrokerSecurity> security) {
        long started = System.nanoTime();
        String bootstrap = "127.0.0.1:" + port;
        Properties config = brokerConfig(dataDir, 1, port, controllerPort, "1@127.0.0.1:" + controllerPort, 1);
        security.ifPresent(secured -> secured.secure(config, port, controllerPort));
        formatOnce(dataDir, config, Uuid.randomUuid().toString(),
                security.map(BrokerSecurity::formatArguments).orElse(List.of()));
        Map<String, Object> admin = security.map(secured -> secured.adminClient(bootstrap))
                .orElse(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        try {
            server.startup();
            Await.until("Kafka at " + bootstrap, READY_TIMEOUT, () -> answers(admin, 1), () -> { });
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new EmbeddedKafka(server, bootstrap, Duration.ofNanos(System.nanoTime() - started),
                security.map(BrokerSecurity::clientSettings).orElse(Map.of()));
    }

    /**
     * One combined broker and controller: node {@code nodeId} of the cluster whose controllers are {@code voters}
     * ({@code id@host:port,...}), with every topic and internal topic kept {@code replicas} times and acknowledged
     * when all but one of the replicas have it (one broker: itself).
     */
    static Properties brokerConfig(Path dataDir, int nodeId, int port, int controllerPort, String voters,
                                   int replicas) {
        String replication = Integer.toString(replicas);
        String minInSync = Integer.toString(Math.max(1, replicas - 1));
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("data").toString());
        // Topics are created explicitly by the services from the topic registry, never by a typo in a client.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("default.replication.factor", replication);
        p.put("min.insync.replicas", minInSync);
        p.put("offsets.topic.replication.factor", replication);
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", replication);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", replication);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        return p;
    }

    /**
     * Writes {@code config} to {@code <dataDir>/server.properties} and, unless the directory already holds a broker
     * (a restart keeps the cluster and its data), formats its storage for {@code clusterId}, as kafka-storage.sh
     * format would, with {@code extraArguments} (e.g. {@code --add-scram}).
     */
    static Path formatOnce(Path dataDir, Properties config, String clusterId, List<String> extraArguments) {
        Path propertiesFile = dataDir.resolve("server.properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                config.store(writer, "embedded KRaft broker and controller");
            }
            if (Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
                return propertiesFile;
            }
            List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c",
                    propertiesFile.toString()));
            arguments.addAll(extraArguments);
            int exit = StorageTool.execute(arguments.toArray(String[]::new),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new StackStartFailed("formatting Kafka storage in " + dataDir + " failed (" + exit + "): "
                        + output.toString(StandardCharsets.UTF_8));
            }
            return propertiesFile;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
    }

    /** Whether the cluster that {@code client} (an admin's settings) reaches answers with {@code brokers} brokers. */
    static boolean answers(Map<String, Object> client, int brokers) throws Exception {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(settings)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() >= brokers;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, String> clientSettings() {
        return clientSettings;
    }

    @Override
    public int replicas() {
        return 1;
    }

    @Override
    public Duration readyAfter() {
        return readyAfter;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
