package org.itapipe.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.Secret;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Alerts delivered to a local HTTP receiver that fails several times first, signed, once, even after a restart. */
@ExtendWith(EmbeddedStackExtension.class)
class NotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "shared-secret";

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer receiver;

    private record Delivery(String body, String signature, String deliveryId) {
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void anAlertReachesAFlakyReceiverOnceSignedInThaiAndEnglishAndIsNotResentAfterARestart(Connections connections)
            throws Exception {
        startReceiver(3);
        String org = "79" + (1000 + (int) (Math.random() * 8999));
        NotifierSettings settings = NotifierSettings.from(ConfigSource.of(Map.of(
                        "notifier.webhook.office.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "notifier.webhook.office.secret", SECRET, "notifier.first-backoff-ms", "50"), Map.of()))
                .with("itapipe-notifier-" + UUID.randomUUID(), 0);
        send(connections, alert(org, AlertState.OPEN, 1, "50.00", "100.00"));

        try (NotifierApplication notifier = NotifierApplication.start(connections, settings,
                MethodologyCatalog.builtIn())) {
            await(() -> deliveries.size() == 1);
        }
        assertThat(calls).as("three refusals, then accepted").hasValue(4);
        Delivery delivery = deliveries.get(0);
        Webhook webhook = new Webhook("office", URI.create("http://unused"), new Secret(SECRET));
        assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookSender.sign(webhook, delivery.body()));
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("state").asText()).isEqualTo("OPEN");
        assertThat(body.get("score").asText()).isEqualTo("50.00");
        assertThat(body.get("previousScore").asText()).isEqualTo("100.00");
        assertThat(body.get("messageTh").asText()).contains("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน").contains("50.00")
                .contains("100.00").contains("อบต.ทดสอบ");
        assertThat(body.get("messageEn").asText()).contains("Strategic or development plan").contains("o5");
        assertThat(delivery.deliveryId()).isEqualTo(org + "/2568/o5/OPEN/1");

        send(connections, alert(org, AlertState.RESOLVED, 2, "100.00", "50.00"));
        try (NotifierApplication restarted = NotifierApplication.start(connections, settings,
                MethodologyCatalog.builtIn())) {
            await(() -> deliveries.size() >= 2);
            Thread.sleep(1_000);
        }
        assertThat(deliveries).extracting(Delivery::deliveryId)
                .containsExactly(org + "/2568/o5/OPEN/1", org + "/2568/o5/RESOLVED/2");
    }

    private void startReceiver(int failuresFirst) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = calls.incrementAndGet() <= failuresFirst ? 503 : 200;
            if (status == 200) {
                deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER),
                        exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_HEADER)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static OitAlert alert(String org, AlertState state, long revision, String score, String previous) {
        return OitAlert.newBuilder().setState(state).setOrgCode(org).setOrgNameTh("อบต.ทดสอบ").setDistrictCode("7901")
                .setProvinceCode("79").setFiscalYear(2568).setRevision(revision).setItemCode("o5").setIndicator(9)
                .setScore(new BigDecimal(score)).setThreshold(new BigDecimal("50.00"))
                .setPreviousScore(new BigDecimal(previous)).setPreviousScoreFrom(PreviousScoreSource.PREVIOUS_REVISION)
                .setFell(state == AlertState.OPEN).setChangedAt(Instant.now()).build();
    }

    private static void send(Connections connections, OitAlert alert) throws Exception {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, OitAlert> producer = new KafkaProducer<>(config,
                serdes.key(Topics.OIT_ALERTS).serializer(), serdes.value(Topics.OIT_ALERTS).serializer())) {
            TopicSetup.createMissing(connections.kafka(), (short) 1);
            producer.send(new ProducerRecord<>(Topics.OIT_ALERTS.name(), Topics.alertKey(alert.getOrgCode(),
                    alert.getFiscalYear(), alert.getItemCode()), alert)).get();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 60 s").isTrue();
    }
}
