package org.itapipe.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three servers every service talks to. The same keys are printed by {@code itapipe stack}, so its output can be
 * saved as a config file and handed to services started elsewhere.
 */
public record Connections(KafkaSettings kafka, RegistrySettings registry, ClickHouseSettings clickhouse) {

    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";
    /** The Kafka client setting that holds a SASL login (user and password). */
    public static final String SASL_LOGIN = "sasl.jaas.config";
    public static final String REGISTRY_URL = "registry.url";
    public static final String REGISTRY_USER = "registry.user";
    public static final String REGISTRY_PASSWORD = "registry.password";
    public static final String CLICKHOUSE_JDBC = "clickhouse.jdbc";
    public static final String CLICKHOUSE_USER = "clickhouse.user";
    public static final String CLICKHOUSE_PASSWORD = "clickhouse.password";

    /** Reads the connection settings; a missing required key fails with the key and its environment variable. */
    public static Connections from(ConfigSource config) {
        return from(config, Map.of());
    }

    /**
     * The connections of one principal (a service, or {@code keys} for the key operator): its own
     * {@code <principal>.kafka.client.*} settings (e.g. its SASL login) over the shared {@code kafka.client.*}.
     */
    public static Connections from(ConfigSource config, String principal) {
        return from(config, config.withPrefix(principal + "." + KAFKA_CLIENT_PREFIX));
    }

    private static Connections from(ConfigSource config, Map<String, String> ownKafkaClient) {
        Map<String, String> kafkaClient = new LinkedHashMap<>(config.withPrefix(KAFKA_CLIENT_PREFIX));
        kafkaClient.putAll(ownKafkaClient);
        return new Connections(
                new KafkaSettings(config.require(KAFKA_BOOTSTRAP), kafkaClient),
                new RegistrySettings(parseUrl(config.require(REGISTRY_URL)), config.get(REGISTRY_USER, ""),
                        new Secret(config.get(REGISTRY_PASSWORD, ""))),
                new ClickHouseSettings(config.require(CLICKHOUSE_JDBC), config.get(CLICKHOUSE_USER, "default"),
                        new Secret(config.get(CLICKHOUSE_PASSWORD, ""))));
    }

    /** The same, with {@code settings} added to (or replacing) the Kafka client's. */
    public Connections withKafkaClient(Map<String, String> settings) {
        Map<String, String> kafkaClient = new LinkedHashMap<>(kafka.clientOverrides());
        kafkaClient.putAll(settings);
        return new Connections(new KafkaSettings(kafka.bootstrapServers(), kafkaClient), registry, clickhouse);
    }

    /** The settings as key/value entries, in the order {@code itapipe stack} prints them; secrets in clear. */
    public Map<String, String> toEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        kafka.clientOverrides().forEach((key, value) -> entries.put(KAFKA_CLIENT_PREFIX + key, value));
        entries.put(REGISTRY_URL, registry.url().toString());
        if (registry.usesBasicAuth()) {
            entries.put(REGISTRY_USER, registry.user());
            entries.put(REGISTRY_PASSWORD, registry.password().value());
        }
        entries.put(CLICKHOUSE_JDBC, clickhouse.jdbcUrl());
        entries.put(CLICKHOUSE_USER, clickhouse.user());
        entries.put(CLICKHOUSE_PASSWORD, clickhouse.password().value());
        return entries;
    }

    private static URI parseUrl(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(REGISTRY_URL + " is not a valid URL: " + e.getMessage(), e);
        }
    }
}
