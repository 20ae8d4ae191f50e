package org.itapipe.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.itapipe.config.KafkaSettings;

/**
 * A Kafka broker of its own, outside the shared stack, that a fault test can stop and start again on the same ports
 * and data (a broker outage or restart), without disturbing the other tests of the JVM.
 */
public final class StandaloneKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private EmbeddedKafka broker;

    private StandaloneKafka(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        List<Integer> ports = StackPorts.freePorts(2);
        this.port = ports.get(0);
        this.controllerPort = ports.get(1);
    }

    public static StandaloneKafka start(Path dataDir) {
        StandaloneKafka kafka = new StandaloneKafka(dataDir);
        kafka.restart();
        return kafka;
    }

    public KafkaSettings settings() {
        return KafkaSettings.of("127.0.0.1:" + port);
    }

    /** Stops the broker (its data stays); clients see connections refused. */
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same ports and data. */
    public void restart() {
        if (broker == null) {
            broker = EmbeddedKafka.start(dataDir, port, controllerPort, Optional.empty());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
