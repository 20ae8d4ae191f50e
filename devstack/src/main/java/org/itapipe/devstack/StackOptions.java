package org.itapipe.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the stack: where its state (data, logs) lives, on which ports, the environment that may override the
 * machine cache ({@code ITAPIPE_CACHE_DIR}) or the ClickHouse library ({@code ITAPIPE_CHDB_LIBRARY}), and how many
 * Kafka brokers: 1 (in this JVM) or 3 and more (a replicated {@link KafkaCluster}, one JVM per broker), and who may
 * use Kafka ({@link KafkaAccess}; a secured Kafka is one broker).
 */
public record StackOptions(Path stateDir, StackPorts ports, Map<String, String> env, int kafkaBrokers,
                           KafkaAccess kafkaAccess) {

    public StackOptions {
        stateDir = stateDir.toAbsolutePath().normalize();
        env = Map.copyOf(env);
        if (kafkaBrokers != 1 && kafkaBrokers < 3) {
            throw new IllegalArgumentException("the stack runs 1 Kafka broker, or 3 and more (a replicated cluster "
                    + "that survives the loss of one), not " + kafkaBrokers);
        }
        if (kafkaAccess instanceof KafkaAccess.Secured && kafkaBrokers != 1) {
            throw new IllegalArgumentException("a secured Kafka runs one broker, not " + kafkaBrokers);
        }
    }

    /** Open to anyone on loopback. */
    public StackOptions(Path stateDir, StackPorts ports, Map<String, String> env, int kafkaBrokers) {
        this(stateDir, ports, env, kafkaBrokers, new KafkaAccess.Open());
    }

    /** One broker, open. */
    public StackOptions(Path stateDir, StackPorts ports, Map<String, String> env) {
        this(stateDir, ports, env, 1);
    }

    public static StackOptions forTests(Path stateDir) {
        return new StackOptions(stateDir, StackPorts.free(), System.getenv());
    }
}
