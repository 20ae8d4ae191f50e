package org.itapipe.devstack;

/** The stack's Kafka: one broker in this JVM ({@link EmbeddedKafka}) or a replicated cluster ({@link KafkaCluster}). */
sealed interface KafkaPart extends StackPart permits EmbeddedKafka, KafkaCluster {

    /** Every broker's address, {@code host:port[,host:port]}. */
    String bootstrapServers();

    /** How many brokers keep each topic: what the services create topics with. */
    int replicas();
}
