package org.itapipe.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Connections;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.RegistrySettings;
import org.itapipe.config.Secret;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.clickhouse.ClickHouseContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same three servers as {@link EmbeddedStack}, as containers (Testcontainers), for machines with Docker: Apache
 * Kafka, Apicurio Registry (its Confluent-compatible API) and a stock ClickHouse server with the writer and analyst
 * users. Needs Testcontainers on the classpath (test scope) and a Docker engine.
 */
public final class ContainerStack implements AutoCloseable {

    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;
    private final ClickHouseContainer clickhouse;
    private final StackEndpoints endpoints;

    private ContainerStack(KafkaContainer kafka, GenericContainer<?> registry, ClickHouseContainer clickhouse,
                           StackEndpoints endpoints) {
        this.kafka = kafka;
        this.registry = registry;
        this.clickhouse = clickhouse;
        this.endpoints = endpoints;
    }

    /** Why containers cannot run here, or empty when Docker answers. */
    public static Optional<String> unavailableReason() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("no Docker engine answers on this machine (docker info fails)");
        } catch (RuntimeException | NoClassDefFoundError e) {
            return Optional.of("Docker/Testcontainers unavailable: " + e.getMessage());
        }
    }

    public static ContainerStack start() {
        ClickHouseUsers users = ClickHouseUsers.generate();
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.0.0");
        GenericContainer<?> registry = new GenericContainer<>("apicurio/apicurio-registry-mem:2.6.13.Final")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp(EmbeddedSchemaRegistry.CONFLUENT_API_PATH + "/subjects")
                        .withStartupTimeout(Duration.ofMinutes(2)));
        ClickHouseContainer clickhouse = new ClickHouseContainer("clickhouse/clickhouse-server:25.8")
                .withCopyToContainer(Transferable.of(users.usersFile()),
                        "/etc/clickhouse-server/users.d/itapipe-users.xml");
        long started = System.nanoTime();
        kafka.start();
        registry.start();
        clickhouse.start();
        URI registryUrl = URI.create("http://" + registry.getHost() + ":" + registry.getMappedPort(8080)
                + EmbeddedSchemaRegistry.CONFLUENT_API_PATH);
        EmbeddedSchemaRegistry.setBackwardCompatibility(registryUrl);
        String jdbc = "jdbc:clickhouse://" + clickhouse.getHost() + ":" + clickhouse.getMappedPort(8123) + "/default";
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        StackEndpoints endpoints = new StackEndpoints(
                new Connections(KafkaSettings.of(kafka.getBootstrapServers()), RegistrySettings.of(registryUrl.toString()),
                        new ClickHouseSettings(jdbc, EmbeddedClickHouse.WRITER, new Secret(users.writerPassword()))),
                URI.create("http://" + clickhouse.getHost() + ":" + clickhouse.getMappedPort(8123)),
                clickhouse.getHost() + ":" + clickhouse.getMappedPort(9000),
                new ClickHouseSettings(jdbc, EmbeddedClickHouse.ANALYST, new Secret(users.analystPassword())),
                Path.of("containers"), Map.of("kafka", took, "registry", took, "clickhouse", took), 1, Map.of());
        return new ContainerStack(kafka, registry, clickhouse, endpoints);
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        clickhouse.stop();
        registry.stop();
        kafka.stop();
    }
}
