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
import java.util.Map;
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
 * A single-node KRaft broker (broker and controller in one) running inside this JVM. Its settings are the ones a
 * one-node cluster needs (replication factor 1 for every internal topic) plus few partitions for internal topics,
 * which keeps group and transaction coordination fast in tests.
 */
final class EmbeddedKafka implements StackPart {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Duration readyAfter;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Duration readyAfter) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.readyAfter = readyAfter;
    }

    static EmbeddedKafka start(Path dataDir, int port, int controllerPort) {
        long started = System.nanoTime();
        String bootstrap = "127.0.0.1:" + port;
        Properties config = brokerConfig(dataDir, port, controllerPort);
        if (!Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            format(dataDir, config); // a restart keeps the cluster and its data
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        try {
            server.startup();
            Await.until("Kafka at " + bootstrap, READY_TIMEOUT, () -> answers(bootstrap), () -> { });
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        return new EmbeddedKafka(server, bootstrap, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Properties brokerConfig(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("data").toString());
        // Topics are created explicitly by the services from the topic registry, never by a typo in a client.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        return p;
    }

    /** Formats the storage directory with a fresh cluster id, as kafka-storage.sh format would. */
    private static void format(Path dataDir, Properties config) {
        Path propertiesFile = dataDir.resolve("server.properties");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
                config.store(writer, "embedded single-node KRaft broker");
            }
            int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", propertiesFile.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new StackStartFailed("formatting Kafka storage in " + dataDir + " failed (" + exit + "): "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
    }

    private static boolean answers(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
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
