package org.itapipe.devstack;

import java.util.Map;

/** The stack's Kafka: one broker in this JVM ({@link EmbeddedKafka}) or a replicated cluster ({@link KafkaCluster}). */
sealed interface KafkaPart extends StackPart permits EmbeddedKafka, KafkaCluster {

    /** Every broker's address, {@code host:port[,host:port]}. */
    String bootstrapServers();

    /** What every client sets beyond the bootstrap servers (empty for plain text; SASL/TLS without a login). */
    Map<String, String> clientSettings();

    /** How many brokers keep each topic: what the services create topics with. */
    int replicas();
}
