package org.itapipe.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.itapipe.config.KafkaSettings;

/**
 * Whether Kafka answers, told quickly and fairly. Nothing listening at any bootstrap address is known at once (the
 * connection is refused), so that is said within a second; a broker that listens gets the whole {@code patience}
 * to describe its cluster, so a slow broker on a loaded machine is not mistaken for an absent one.
 */
public final class KafkaProbe implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private final KafkaSettings kafka;
    private final Admin admin;

    public KafkaProbe(KafkaSettings kafka) {
        this.kafka = kafka;
        Map<String, Object> properties = kafka.clientProperties();
        // Reconnect quickly: the probe is how an outage's end is noticed.
        properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        this.admin = Admin.create(properties);
    }

    /** Empty when Kafka described its cluster within {@code patience}; otherwise why it did not, in one line. */
    public Optional<String> problem(Duration patience) {
        if (!anyBootstrapAddressListens()) {
            return Optional.of("nothing listens at " + kafka.bootstrapServers());
        }
        try {
            int millis = (int) Math.min(Integer.MAX_VALUE, patience.toMillis());
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(patience.toMillis() + 1_000, TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? Optional.empty() : Optional.of("Kafka at " + kafka.bootstrapServers() + " has no brokers");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking Kafka at " + kafka.bootstrapServers());
        } catch (Exception e) {
            return Optional.of("Kafka at " + kafka.bootstrapServers() + " did not describe its cluster within "
                    + patience.toSeconds() + " s");
        }
    }

    private boolean anyBootstrapAddressListens() {
        for (String address : kafka.bootstrapServers().split(",")) {
            String hostPort = address.strip().replaceFirst("^[A-Za-z_]+://", "");
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                return true; // not ours to judge: let the client say what it makes of it
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort.substring(0, colon).replace("[", "").replace("]", ""),
                        Integer.parseInt(hostPort.substring(colon + 1))), CONNECT_TIMEOUT_MS);
                return true;
            } catch (IOException | NumberFormatException e) {
                // try the next address
            }
        }
        return false;
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
