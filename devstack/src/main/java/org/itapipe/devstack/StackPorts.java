package org.itapipe.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ports the stack listens on, all on 127.0.0.1. */
public record StackPorts(int kafka, int kafkaController, int registry, int clickhouseHttp, int clickhouseNative) {

    /** The ports every client expects by default: what the demo uses. */
    public static StackPorts conventional() {
        return new StackPorts(9092, 9093, 8081, 8123, 9000);
    }

    /** Ports the operating system reports free right now: what tests use, so that runs never collide. */
    public static StackPorts free() {
        List<Integer> ports = freePorts(5);
        return new StackPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4));
    }

    /**
     * Free ports for a stack of {@code kafkaBrokers} brokers, whose brokers and controllers take every second port from
     * the first ones ({@link #kafkaBroker}): drawn again until all of them are free and distinct.
     */
    public static StackPorts freeFor(int kafkaBrokers) {
        for (int attempt = 0; ; attempt++) {
            StackPorts ports = free();
            try {
                ports.requireAvailable(kafkaBrokers);
                return ports;
            } catch (PrerequisiteMissing taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }

    /**
     * {@code count} distinct ports free on 127.0.0.1 right now. Their sockets are held open together while the ports
     * are drawn, so the system cannot hand out one port twice.
     */
    public static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        } finally {
            sockets.forEach(StackPorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Only its port number was wanted.
        }
    }

    /** Broker {@code n}'s port (1-based) of a cluster: every second port from {@link #kafka}: 9092, 9094, 9096. */
    int kafkaBroker(int node) {
        return kafka + 2 * (node - 1);
    }

    /** Controller {@code n}'s port of a cluster: every second port from {@link #kafkaController}: 9093, 9095, 9097. */
    int kafkaController(int node) {
        return kafkaController + 2 * (node - 1);
    }

    /**
     * Fails before anything starts when a port is taken, naming the part and the option that moves it; with
     * {@code kafkaBrokers} brokers, each broker's and controller's.
     */
    void requireAvailable(int kafkaBrokers) {
        Map<String, Integer> byPart = new LinkedHashMap<>();
        for (int node = 1; node <= kafkaBrokers; node++) {
            String offset = node == 1 ? "" : " + " + 2 * (node - 1);
            String broker = kafkaBrokers == 1 ? "Kafka" : "Kafka broker " + node;
            byPart.put(broker + " (--kafka-port" + offset + ")", kafkaBroker(node));
            byPart.put(broker + "'s controller (--kafka-controller-port" + offset + ")", kafkaController(node));
        }
        byPart.put("the schema registry (--registry-port)", registry);
        byPart.put("ClickHouse HTTP (--clickhouse-http-port)", clickhouseHttp);
        byPart.put("ClickHouse native (--clickhouse-native-port)", clickhouseNative);
        if (byPart.values().stream().distinct().count() != byPart.size()) {
            throw new PrerequisiteMissing("the stack's ports must differ: " + byPart);
        }
        byPart.forEach((part, port) -> {
            if (!bindable(port)) {
                throw new PrerequisiteMissing("port " + port + " for " + part + " is in use on 127.0.0.1: "
                        + "stop what holds it, or choose another port with the option shown");
            }
        });
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
