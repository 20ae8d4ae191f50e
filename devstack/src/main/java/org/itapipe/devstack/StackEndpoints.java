package org.itapipe.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Connections;
import org.itapipe.config.SchemaSettings;
import org.itapipe.config.TopicSettings;

/**
 * Where the running stack answers and how long each part took to become ready. {@link #lines()} is the stable
 * {@code key=value} block {@code itapipe stack} prints; its connection keys are the config keys services read. On a
 * secured Kafka, {@code connections} holds what every client sets (TLS, SASL) and {@code kafkaLogins} each
 * principal's login, printed as {@code <principal>.kafka.client.sasl.jaas.config}: the override that service reads.
 */
public record StackEndpoints(Connections connections, URI clickhouseHttp, String clickhouseNative,
                             ClickHouseSettings clickhouseAnalyst, Path stateDir, Map<String, Duration> readyTimes,
                             int kafkaReplicas, Map<String, String> kafkaLogins) {

    /**
     * The dev stack's block turns schema auto-registration on: services started with it as their config register
     * their schemas, as a demo should. Production configs leave it off and register in a deployment step.
     */
    public static final String AUTO_REGISTER = SchemaSettings.AUTO_REGISTER;

    /** Path of the Confluent-compatible API on the embedded registry (Apicurio). */
    public static final String REGISTRY_API_PATH = EmbeddedSchemaRegistry.CONFLUENT_API_PATH;

    public StackEndpoints {
        readyTimes = Map.copyOf(readyTimes);
        kafkaLogins = Collections.unmodifiableMap(new LinkedHashMap<>(kafkaLogins));
    }

    /** The connections of {@code principal} (its Kafka login added); the shared ones on an open Kafka. */
    public Connections connections(String principal) {
        if (kafkaLogins.isEmpty()) {
            return connections;
        }
        String login = kafkaLogins.get(principal);
        if (login == null) {
            throw new IllegalArgumentException("the stack's Kafka has no principal " + principal + "; it has "
                    + kafkaLogins.keySet());
        }
        return connections.withKafkaClient(Map.of(Connections.SASL_LOGIN, login));
    }

    public List<String> lines() {
        Map<String, String> entries = connections.toEntries();
        List<String> lines = new ArrayList<>();
        lines.add(line(Connections.KAFKA_BOOTSTRAP, entries.get(Connections.KAFKA_BOOTSTRAP)));
        entries.entrySet().stream().filter(entry -> entry.getKey().startsWith(Connections.KAFKA_CLIENT_PREFIX))
                .forEach(entry -> lines.add(line(entry.getKey(), entry.getValue())));
        kafkaLogins.forEach((principal, login) -> lines.add(line(
                principal + "." + Connections.KAFKA_CLIENT_PREFIX + Connections.SASL_LOGIN, login)));
        lines.add(line(Connections.REGISTRY_URL, entries.get(Connections.REGISTRY_URL)));
        lines.add(line("clickhouse.http", clickhouseHttp.toString()));
        lines.add(line("clickhouse.native", clickhouseNative));
        lines.add(line(Connections.CLICKHOUSE_JDBC, entries.get(Connections.CLICKHOUSE_JDBC)));
        lines.add(line(Connections.CLICKHOUSE_USER, entries.get(Connections.CLICKHOUSE_USER)));
        lines.add(line(Connections.CLICKHOUSE_PASSWORD, entries.get(Connections.CLICKHOUSE_PASSWORD)));
        lines.add(line("clickhouse.analyst.user", clickhouseAnalyst.user()));
        lines.add(line("clickhouse.analyst.password", clickhouseAnalyst.password().value()));
        lines.add(line(AUTO_REGISTER, "true"));
        // Services started with this block create their topics on every broker of the stack's Kafka.
        lines.add(line(TopicSettings.REPLICATION_FACTOR, Integer.toString(kafkaReplicas)));
        lines.add(line("stack.dir", stateDir.toString()));
        for (String part : List.of("kafka", "registry", "clickhouse")) {
            Duration ready = readyTimes.get(part);
            lines.add(line("ready." + part + ".seconds", String.format(Locale.ROOT, "%.2f", ready.toMillis() / 1000.0)));
        }
        return lines;
    }

    private static String line(String key, String value) {
        return key + "=" + value;
    }
}
