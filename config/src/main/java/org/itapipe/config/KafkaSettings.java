package org.itapipe.config;

import java.util.HashMap;
import java.util.Map;

/**
 * How to reach Kafka. {@code clientOverrides} carries any Kafka client setting given as {@code kafka.client.*}
 * (security protocol, SASL, TLS) so that a secured cluster needs no code change.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientOverrides) {

    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ConfigException(Connections.KAFKA_BOOTSTRAP + " must name at least one host:port");
        }
        clientOverrides = Map.copyOf(clientOverrides);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    /** Properties for any Kafka client: bootstrap servers plus the overrides. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(clientOverrides);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", clientOverrides=" + clientOverrides.keySet() + "]";
    }
}
