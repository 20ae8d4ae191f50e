package org.itapipe.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.Secret;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.service.KafkaClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts delivered to real receivers on this machine (an HTTP server, GreenMail's SMTP server): signed, routed by
 * scope, at least once through an outage, parked and replayed, digested. Each test uses its own provinces or
 * organizations and consumer groups, so the alerts of the others (and of the pipeline suite) stay out of its scopes.
 */
@ExtendWith(EmbeddedStackExtension.class)
class NotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "shared-secret";

    private final List<HttpServer> servers = new ArrayList<>();

    /** A webhook receiver on loopback; {@code accepts} decides, per call number, whether it answers 200 or 503. */
    private final class Receiver {
        final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        final List<String> signatures = new CopyOnWriteArrayList<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final HttpServer server;
        volatile IntPredicate accepts;

        Receiver(IntPredicate accepts) throws Exception {
            this.accepts = accepts;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean ok = this.accepts.test(calls.incrementAndGet());
                if (ok) {
                    accepted.add(JSON.readTree(body));
                    bodies.add(body);
                    signatures.add(exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER));
                } else {
                    refused.incrementAndGet();
                }
                exchange.sendResponseHeaders(ok ? 200 : 503, -1);
                exchange.close();
            });
            server.start();
            servers.add(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<String> ids() {
            return accepted.stream().map(body -> body.get("deliveryId").asText()).toList();
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void anAlertReachesAFlakyReceiverSignedInThaiAndEnglishWithWhatToDoAndIsNotResentAfterARestart(
            Connections connections) throws Exception {
        Receiver receiver = new Receiver(call -> call > 3);
        String org = "6530" + (100 + (int) (System.nanoTime() % 800));
        NotifierSettings settings = settings(Map.of("notifier.webhook.office.url", receiver.url(),
                "notifier.webhook.office.secret", SECRET, "notifier.webhook.office.scope", "org:" + org,
                "notifier.web-url", "http://reports.example/"));
        send(connections, alert(org, "53", AlertState.OPEN, 1, "o5", "50.00", "100.00"));

        try (NotifierApplication notifier = start(connections, settings)) {
            await(() -> receiver.accepted.size() == 1, Duration.ofSeconds(60));
        }
        assertThat(receiver.calls).as("three refusals, then accepted").hasValue(4);
        assertThat(receiver.signatures.get(0)).isEqualTo("sha256=" + WebhookChannel.sign(new Secret(SECRET),
                receiver.bodies.get(0)));
        JsonNode body = receiver.accepted.get(0);
        assertThat(body.get("state").asText()).isEqualTo("OPEN");
        assertThat(body.get("score").asText()).isEqualTo("50.00");
        assertThat(body.get("previousScore").asText()).isEqualTo("100.00");
        assertThat(body.get("itemNameTh").asText()).isEqualTo("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน");
        assertThat(body.get("provinceNameTh").asText()).isEqualTo("อุตรดิตถ์");
        assertThat(body.get("actionTh").asText()).contains("แผนยุทธศาสตร์");
        assertThat(body.get("reportUrl").asText()).isEqualTo("http://reports.example/organizations/" + org + "/2568");
        assertThat(body.get("messageTh").asText()).contains("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน").contains("50.00")
                .contains("100.00").contains("อบต.ทดสอบ");
        assertThat(body.get("messageEn").asText()).contains("Strategic or development plan").contains("o5");
        assertThat(body.get("deliveryId").asText()).isEqualTo(org + "/2568/o5/OPEN/1");

        send(connections, alert(org, "53", AlertState.RESOLVED, 2, "o5", "100.00", "50.00"));
        try (NotifierApplication restarted = start(connections, settings)) {
            await(() -> receiver.accepted.size() >= 2, Duration.ofSeconds(60));
            Thread.sleep(1_000);
        }
        assertThat(receiver.ids()).containsExactly(org + "/2568/o5/OPEN/1", org + "/2568/o5/RESOLVED/2");
    }

    @Test
    void aReceiverDownForAMinuteGetsEveryAlertOfItsScopeInOrderAndNoneOfAnother(Connections connections)
            throws Exception {
        long outageEnds = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Receiver province = new Receiver(call -> System.nanoTime() > outageEnds);
        Receiver organization = new Receiver(call -> true);
        String org = "6580101";
        NotifierSettings settings = settings(Map.of(
                "notifier.webhook.maehongson.url", province.url(), "notifier.webhook.maehongson.secret", SECRET,
                "notifier.webhook.maehongson.scope", "province:58",
                "notifier.webhook.one.url", organization.url(), "notifier.webhook.one.secret", SECRET,
                "notifier.webhook.one.scope", "org:" + org,
                "notifier.first-backoff-ms", "200", "notifier.max-backoff-ms", "5000"));
        List<OitAlert> inScope = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            inScope.add(alert("658020" + (i % 9 + 1), "58", AlertState.OPEN, 1, "o" + (i + 1), "50.00", "100.00"));
        }
        inScope.add(alert(org, "58", AlertState.OPEN, 1, "o23", "50.00", "100.00"));
        inScope.add(alert(org, "58", AlertState.RESOLVED, 2, "o23", "100.00", "50.00"));
        inScope.add(alert(org, "58", AlertState.OPEN, 3, "o23", "0.00", "100.00"));
        List<OitAlert> elsewhere = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            elsewhere.add(alert("6570101", "57", AlertState.OPEN, 1, "o" + (i + 1), "50.00", "100.00"));
        }
        try (NotifierApplication notifier = start(connections, settings)) {
            for (int i = 0; i < inScope.size(); i++) {
                send(connections, inScope.get(i));
                if (i < elsewhere.size()) {
                    send(connections, elsewhere.get(i));
                }
            }
            await(() -> new LinkedHashSet<>(province.ids()).size() == inScope.size(), Duration.ofSeconds(150));
            await(() -> organization.ids().size() >= 3, Duration.ofSeconds(30));
            Thread.sleep(1_000);
        }
        List<String> expected = inScope.stream().map(AlertMessage::deliveryId).toList();
        Set<String> unique = new LinkedHashSet<>(province.ids());
        assertThat(unique).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(province.ids()).filteredOn(id -> id.startsWith(org + "/2568/o23/"))
                .as("one key's state changes arrive in order").containsSubsequence(org + "/2568/o23/OPEN/1",
                        org + "/2568/o23/RESOLVED/2", org + "/2568/o23/OPEN/3");
        assertThat(organization.ids()).containsExactly(org + "/2568/o23/OPEN/1", org + "/2568/o23/RESOLVED/2",
                org + "/2568/o23/OPEN/3");
        System.out.printf("outage figures: sent in scope %d, out of scope %d, refused calls %d, accepted calls %d, "
                        + "distinct delivered %d, duplicates received %d%n", inScope.size(), elsewhere.size(),
                province.refused.get(), province.accepted.size(), unique.size(), province.ids().size() - unique.size());
    }

    @Test
    void whatADestinationNeverTakesIsParkedWithTheReasonAndReplayedWithTheSameDeliveryId(Connections connections)
            throws Exception {
        Receiver receiver = new Receiver(call -> false);
        String org = "6560101";
        NotifierSettings settings = settings(Map.of("notifier.webhook.closed.url", receiver.url(),
                "notifier.webhook.closed.secret", SECRET, "notifier.webhook.closed.scope", "org:" + org,
                "notifier.patience", "PT2S", "notifier.first-backoff-ms", "200", "notifier.max-backoff-ms", "500"));
        OitAlert alert = alert(org, "56", AlertState.OPEN, 1, "o12", "50.00", "100.00");
        send(connections, alert);
        try (NotifierApplication notifier = start(connections, settings)) {
            await(() -> parked(connections, "closed").size() == 1, Duration.ofSeconds(60));
        }
        ConsumerRecord<String, byte[]> parked = parked(connections, "closed").get(0);
        assertThat(parked.key()).isEqualTo("closed/" + org + "/2568/o12");
        assertThat(new String(parked.headers().lastHeader("itapipe.error.reason").value(), StandardCharsets.UTF_8))
                .contains("HTTP 503");
        assertThat(receiver.refused.get()).isGreaterThanOrEqualTo(2);

        receiver.accepts = call -> true;
        ParkedReplay.Result replay = ParkedReplay.replay(connections, settings, MethodologyCatalog.builtIn(),
                "closed");
        assertThat(replay).isEqualTo(new ParkedReplay.Result(1, 0));
        assertThat(receiver.ids()).containsExactly(AlertMessage.deliveryId(alert));
        assertThat(ParkedReplay.replay(connections, settings, MethodologyCatalog.builtIn(), "closed"))
                .as("a second replay finds nothing new").isEqualTo(new ParkedReplay.Result(0, 0));
    }

    @Test
    void eMailGoesThroughSmtpInThaiToTheDestinationsOfItsScopeOnly(Connections connections) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            String org = "6200101";
            NotifierSettings settings = settings(Map.of("notifier.email.chonburi.to", "office@chonburi.example",
                    "notifier.email.chonburi.scope", "province:20", "notifier.smtp.host", "127.0.0.1",
                    "notifier.smtp.port", Integer.toString(smtp.getSmtp().getPort()), "notifier.smtp.security", "none",
                    "notifier.smtp.from", "itapipe@example.org"));
            send(connections, alert(org, "20", AlertState.OPEN, 1, "o19", "50.00", "100.00"));
            send(connections, alert("6210101", "21", AlertState.OPEN, 1, "o19", "50.00", "100.00"));
            try (NotifierApplication notifier = start(connections, settings)) {
                assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
                Thread.sleep(1_500);
            }
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage message = received[0];
            assertThat(message.getSubject()).isEqualTo("แจ้งเตือน ITA: อบต.ทดสอบ ข้อ o19 50.00 คะแนน");
            assertThat(message.getAllRecipients()[0]).hasToString("office@chonburi.example");
            assertThat(message.getHeader(WebhookChannel.DELIVERY_HEADER)[0]).isEqualTo(org + "/2568/o19/OPEN/1");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
            assertThat((String) parts.getBodyPart(0).getContent())
                    .contains("ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ").contains("สิ่งที่ควรเผยแพร่")
                    .contains("จังหวัดชลบุรี").contains("please fix the disclosure");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat((String) parts.getBodyPart(1).getContent()).contains("<p>").contains("ข้อมูลสถิติเรื่องร้องเรียน");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aDigestSummarizesTheScopeAndItsScheduleSurvivesARestart(Connections connections) throws Exception {
        Receiver receiver = new Receiver(call -> true);
        NotifierSettings settings = settings(Map.of("notifier.webhook.daily.url", receiver.url(),
                "notifier.webhook.daily.secret", SECRET, "notifier.webhook.daily.scope", "province:64",
                "notifier.webhook.daily.digest-every", "PT4S", "notifier.webhook.daily.digest-only", "true"));
        send(connections, alert("6640101", "64", AlertState.OPEN, 1, "o5", "50.00", "100.00"));
        send(connections, alert("6640102", "64", AlertState.OPEN, 1, "o7", "0.00", "100.00"));
        try (NotifierApplication notifier = start(connections, settings)) {
            await(() -> receiver.accepted.size() == 1, Duration.ofSeconds(30));
        }
        JsonNode digest = receiver.accepted.get(0);
        assertThat(digest.get("kind").asText()).isEqualTo("digest");
        assertThat(digest.get("open").asInt()).isEqualTo(2);
        assertThat(digest.get("newSinceLast").asInt()).isEqualTo(2);
        assertThat(digest.get("worst").get(0).get("score").asText()).isEqualTo("0.00");
        Thread.sleep(5_000);
        long restarted = System.nanoTime();
        try (NotifierApplication notifier = start(connections, settings)) {
            await(() -> receiver.accepted.size() == 2, Duration.ofSeconds(30));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - restarted)).as("the overdue digest goes out at once, "
                + "because the last one is remembered").isLessThan(Duration.ofSeconds(4));
        assertThat(receiver.accepted.get(1).get("newSinceLast").asInt()).isZero();
        assertThat(receiver.accepted.get(1).get("open").asInt()).isEqualTo(2);
    }

    private static NotifierSettings settings(Map<String, String> entries) {
        Map<String, String> onTheStack = new HashMap<>(entries);
        onTheStack.put("schemas.auto-register", "true");
        return NotifierSettings.from(ConfigSource.of(onTheStack, Map.of())).with("itapipe-notifier-" + UUID.randomUUID(),
                0);
    }

    private static NotifierApplication start(Connections connections, NotifierSettings settings) {
        return NotifierApplication.start(connections, settings, MethodologyCatalog.builtIn(), OrganizationRegistry.dla());
    }

    private static List<ConsumerRecord<String, byte[]>> parked(Connections connections, String destination) {
        List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(connections, "probe-" + UUID.randomUUID(),
                500)) {
            var partitions = consumer.partitionsFor(Topics.NOTIFIER_PARKED.name()).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().startsWith(destination + "/")) {
                        parked.add(record);
                    }
                });
            }
        }
        return parked;
    }

    private static OitAlert alert(String org, String province, AlertState state, long revision, String item,
                                  String score, String previous) {
        return OitAlert.newBuilder().setState(state).setOrgCode(org).setOrgNameTh("อบต.ทดสอบ")
                .setDistrictCode(province + "01").setProvinceCode(province).setFiscalYear(2568).setRevision(revision)
                .setItemCode(item).setIndicator(9).setScore(new BigDecimal(score))
                .setThreshold(new BigDecimal("50.00")).setPreviousScore(new BigDecimal(previous))
                .setPreviousScoreFrom(PreviousScoreSource.PREVIOUS_REVISION).setFell(state == AlertState.OPEN)
                .setChangedAt(Instant.now()).build();
    }

    private static void send(Connections connections, OitAlert alert) throws Exception {
        TopicSerdes serdes = new TopicSerdes(new SchemaRegistryClient(connections.registry()), true);
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, OitAlert> producer = new KafkaProducer<>(config,
                serdes.key(Topics.OIT_ALERTS).serializer(), serdes.value(Topics.OIT_ALERTS).serializer())) {
            TopicSetup.createMissing(connections.kafka(), TopicSettings.SINGLE_BROKER);
            producer.send(new ProducerRecord<>(Topics.OIT_ALERTS.name(), Topics.alertKey(alert.getOrgCode(),
                    alert.getFiscalYear(), alert.getItemCode()), alert)).get();
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition met within " + timeout).isTrue();
    }
}
