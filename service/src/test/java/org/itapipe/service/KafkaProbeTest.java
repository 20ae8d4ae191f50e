package org.itapipe.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.itapipe.config.KafkaSettings;
import org.junit.jupiter.api.Test;

class KafkaProbeTest {

    @Test
    void nothingListeningIsSaidAtOnceWithoutWaitingOutThePatience() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        try (KafkaProbe probe = new KafkaProbe(KafkaSettings.of("127.0.0.1:" + port))) {
            long started = System.nanoTime();
            Optional<String> problem = probe.problem(Duration.ofSeconds(30));
            assertThat(problem).contains("nothing listens at 127.0.0.1:" + port);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aListenerThatDoesNotSpeakKafkaIsGivenThePatienceThenReported() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
             KafkaProbe probe = new KafkaProbe(KafkaSettings.of("127.0.0.1:" + silent.getLocalPort()))) {
            long started = System.nanoTime();
            Optional<String> problem = probe.problem(Duration.ofSeconds(2));
            assertThat(problem).contains("Kafka at 127.0.0.1:" + silent.getLocalPort()
                    + " did not describe its cluster within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }
}
