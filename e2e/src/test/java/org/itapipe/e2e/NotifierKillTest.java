package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code itapipe notifier} killed with SIGKILL in the middle of its deliveries, then restarted: nothing missing. */
@ExtendWith(EmbeddedStackExtension.class)
class NotifierKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ALERTS = 40;

    @TempDir
    Path dir;

    @Test
    void aNotifierKilledMidDeliveryDeliversEveryAlertAfterItsRestart(StackEndpoints stack) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(JSON.readTree(body).get("deliveryId").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Path config = dir.resolve("notifier.properties");
            List<String> lines = new ArrayList<>(stack.lines());
            lines.add("notifier.group-id=itapipe-notifier-kill-" + UUID.randomUUID());
            lines.add("notifier.http.port=0");
            lines.add("notifier.webhook.sukhothai.url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            lines.add("notifier.webhook.sukhothai.secret=kill-test");
            lines.add("notifier.webhook.sukhothai.scope=province:65");
            Files.writeString(config, String.join("\n", lines) + "\n");
            List<String> expected = sendAlerts(stack);

            try (LauncherProcess notifier = LauncherProcess.start("notifier", "--config", config.toString())) {
                await(() -> received.size() >= 10, Duration.ofSeconds(60));
                notifier.kill();
                notifier.awaitExit(Duration.ofSeconds(30));
            }
            int beforeKill = received.size();
            try (LauncherProcess notifier = LauncherProcess.start("notifier", "--config", config.toString())) {
                await(() -> new LinkedHashSet<>(received).size() == ALERTS, Duration.ofSeconds(90));
                notifier.terminate();
                notifier.awaitExit(Duration.ofSeconds(30));
            }
            Set<String> distinct = new LinkedHashSet<>(received);
            assertThat(distinct).containsExactlyInAnyOrderElementsOf(expected);
            System.out.printf("kill -9 figures: sent %d, received before the kill %d, received in all %d, distinct %d, "
                    + "duplicates %d%n", ALERTS, beforeKill, received.size(), distinct.size(),
                    received.size() - distinct.size());
        } finally {
            receiver.stop(0);
        }
    }

    private static List<String> sendAlerts(StackEndpoints stack) throws Exception {
        TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
        Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, OitAlert> producer = new KafkaProducer<>(config,
                serdes.key(Topics.OIT_ALERTS).serializer(), serdes.value(Topics.OIT_ALERTS).serializer())) {
            for (int i = 0; i < ALERTS; i++) {
                String org = "66501" + String.format("%02d", i % 20 + 1);
                String item = "o" + (i / 20 + 1);
                OitAlert alert = OitAlert.newBuilder().setState(AlertState.OPEN).setOrgCode(org)
                        .setOrgNameTh("อบต.ทดสอบ").setDistrictCode("6501").setProvinceCode("65").setFiscalYear(2568)
                        .setRevision(1).setItemCode(item).setIndicator(9).setScore(new BigDecimal("50.00"))
                        .setThreshold(new BigDecimal("50.00")).setPreviousScore(new BigDecimal("100.00"))
                        .setPreviousScoreFrom(PreviousScoreSource.PREVIOUS_REVISION).setFell(true)
                        .setChangedAt(Instant.now()).build();
                producer.send(new ProducerRecord<>(Topics.OIT_ALERTS.name(), Topics.alertKey(org, 2568, item), alert))
                        .get();
                ids.add(org + "/2568/" + item + "/OPEN/1");
            }
        }
        return ids;
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition met within " + timeout).isTrue();
    }
}
