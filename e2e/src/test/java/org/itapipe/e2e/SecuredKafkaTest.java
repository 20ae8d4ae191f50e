package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.launcher.KafkaPrincipals;
import org.itapipe.notifier.NotifierApplication;
import org.itapipe.notifier.NotifierSettings;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.itapipe.testkit.ClickHouseQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code itapipe stack --secure}'s Kafka (SASL/SCRAM over TLS, ACLs per service, {@link KafkaPrincipals}): the
 * services, each connecting with its own login from the stack's block as the commands do, carry a submission from the
 * API to ClickHouse; each is refused what its ACLs do not allow; a wrong password and plain text are refused.
 */
class SecuredKafkaTest {

    /** อบต.ลำพะยา, เมืองยะลา (this stack is the test's own). */
    private static final String ORG = "6950109";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static EmbeddedStack stack;
    private static ConfigSource block;

    @BeforeAll
    static void startSecuredStack() throws Exception {
        stack = KafkaPrincipals.startSecuredStack(dir.resolve("stack"), StackPorts.free(), System.getenv());
        Path file = dir.resolve("stack.properties");
        Files.write(file, stack.endpoints().lines());
        block = ConfigSource.load(file, Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theServicesEachAsItsOwnUserCarryASubmissionFromTheApiToClickHouseAndTheOffice() throws Exception {
        ApiKeyStore keys = ApiKeyStore.empty();
        String key = keys.create("NACC", new Scope.National()).plainText();
        List<String> delivered = new CopyOnWriteArrayList<>();
        HttpServer office = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        office.createContext("/hook", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        office.start();
        try (IngestApplication ingest = IngestApplication.start(as(KafkaPrincipals.INGEST),
                IngestSettings.from(settings(Map.of("ingest.port", "0"))), IngestApplication.ReferenceData.standard(),
                keys, true, TopicSettings.SINGLE_BROKER);
             StreamsApplication streams = StreamsApplication.start(as(KafkaPrincipals.STREAMS),
                     StreamsSettings.from(settings(Map.of("streams.http.port", "0", "streams.commit-interval-ms", "50",
                             "streams.state-dir", dir.resolve("streams").toString()))),
                     MethodologyCatalog.builtIn());
             SinkApplication sink = SinkApplication.start(as(KafkaPrincipals.SINK),
                     SinkSettings.from(settings(Map.of("sink.http.port", "0", "sink.batch.max-age-ms", "200"))),
                     MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING);
             NotifierApplication notifier = NotifierApplication.start(as(KafkaPrincipals.NOTIFIER),
                     NotifierSettings.from(settings(Map.of("notifier.http.port", "0",
                             "notifier.webhook.yala.url", "http://127.0.0.1:" + office.getAddress().getPort() + "/hook",
                             "notifier.webhook.yala.secret", "secured-test", "notifier.webhook.yala.scope", "province:95",
                             "notifier.webhook.yala.digest-every", "PT1S"))),
                     MethodologyCatalog.builtIn(), OrganizationRegistry.dla())) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + ingest.port() + "/api/v1/submissions")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

            List<Map<String, Object>> latest = ClickHouseQueries.awaitRows(stack.endpoints().clickhouseAnalyst(),
                    "SELECT total FROM v_latest_submissions WHERE org_code = '" + ORG + "'", rows -> rows.size() == 1);
            assertThat((BigDecimal) latest.get(0).get("total")).isEqualByComparingTo("97.60");
            // The alert went through streams' transaction and the sink's group too.
            List<Map<String, Object>> alerts = ClickHouseQueries.awaitRows(stack.endpoints().clickhouseAnalyst(),
                    "SELECT item_code, state FROM v_alert_states WHERE org_code = '" + ORG + "'",
                    rows -> rows.size() == 1);
            assertThat(alerts.get(0)).containsEntry("item_code", "o5").containsEntry("state", "OPEN");
            // The office got the alert itself and digests (the notifier's digest marks are on Kafka too).
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (delivered.stream().noneMatch(body -> body.contains("\"orgCode\":\"" + ORG + "\""))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(delivered).anyMatch(body -> body.contains("\"orgCode\":\"" + ORG + "\"")
                    && body.contains("o5")).anyMatch(body -> body.contains("\"kind\":\"digest\""));
        } finally {
            office.stop(0);
        }
    }

    @Test
    void eachServiceIsRefusedWhatItsAclsDoNotAllow() {
        assertThatThrownBy(() -> send(KafkaPrincipals.SINK, Map.of(), Topics.SUBMISSIONS.name()))
                .as("the sink writes no submissions").hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(KafkaPrincipals.INGEST, Map.of(), Topics.OIT_ALERTS.name()))
                .as("ingest raises no alerts").hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(KafkaPrincipals.INGEST, Topics.OIT_ALERTS.name(), Map.of()))
                .as("ingest reads no alerts").isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(KafkaPrincipals.NOTIFIER, Topics.SUBMISSIONS.name(), Map.of()))
                .as("the notifier reads no submissions").isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(KafkaPrincipals.INGEST, Topics.LATEST_SUBMISSIONS.name(),
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, SinkSettings.from(settings(Map.of())).groupId())))
                .as("ingest may not commit as the sink").isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> send(KafkaPrincipals.STREAMS, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "not-streams-" + UUID.randomUUID()), Topics.OIT_ALERTS.name()))
                .as("streams' transactions are its own ids only")
                .isInstanceOf(TransactionalIdAuthorizationException.class);
        assertThatThrownBy(() -> createTopic(as(KafkaPrincipals.KEYS)))
                .as("no service creates topics").hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordAndPlainTextAreRefused() {
        Connections wrong = as(KafkaPrincipals.INGEST).withKafkaClient(Map.of(Connections.SASL_LOGIN,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\" "
                        + "password=\"guessed\";"));
        assertThatThrownBy(() -> createTopic(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
        Connections plain = new Connections(KafkaSettings.of(stack.connections().kafka().bootstrapServers()),
                stack.connections().registry(), stack.connections().clickhouse());
        assertThatThrownBy(() -> createTopic(plain)).as("a plain-text client gets no answer")
                .hasRootCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void theBlockGivesEachServiceItsOwnLoginAndNoLogFileOfTheStackHoldsAPassword() throws Exception {
        Map<String, String> logins = Stream.of(KafkaPrincipals.INGEST, KafkaPrincipals.KEYS, KafkaPrincipals.STREAMS,
                        KafkaPrincipals.SINK, KafkaPrincipals.NOTIFIER, "admin")
                .collect(Collectors.toMap(name -> name, name -> as(name).kafka().clientOverrides()
                        .get(Connections.SASL_LOGIN)));
        assertThat(logins.values()).doesNotHaveDuplicates().allMatch(login -> login.contains("ScramLoginModule"));
        List<String> passwords = logins.values().stream()
                .map(login -> login.replaceAll(".*password=\"([^\"]+)\".*", "$1")).toList();
        assertThat(passwords).allMatch(password -> password.matches("[0-9a-f]{32}"));
        // The registry's and ClickHouse's logs, and this JVM's (where the embedded broker logs).
        try (Stream<Path> stackLogs = Files.list(dir.resolve("stack").resolve("logs"))) {
            List<Path> logs = Stream.concat(stackLogs, Stream.of(Path.of("target", "test.log")))
                    .filter(Files::isRegularFile).toList();
            assertThat(logs).hasSizeGreaterThanOrEqualTo(3);
            for (Path log : logs) {
                String text = Files.readString(log);
                assertThat(passwords).as(log.toString()).noneMatch(text::contains);
            }
        }
    }

    private static Connections as(String principal) {
        return Connections.from(block, principal);
    }

    /** The stack's block with a service's own settings, as a config file beside it would give them. */
    private static ConfigSource settings(Map<String, String> own) {
        Map<String, String> entries = new HashMap<>(block.withPrefix(""));
        entries.putAll(own);
        return ConfigSource.of(entries, Map.of());
    }

    private static void send(String principal, Map<String, Object> extra, String topic) throws Exception {
        Map<String, Object> config = client(as(principal));
        config.putAll(extra);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            if (config.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
                producer.initTransactions();
            }
            producer.send(new ProducerRecord<>(topic, "probe", "probe")).get(20, TimeUnit.SECONDS);
        }
    }

    private static void read(String principal, String topic, Map<String, Object> extra) {
        Map<String, Object> config = client(as(principal));
        config.putAll(extra);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofSeconds(5));
            if (config.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
                consumer.commitSync(Duration.ofSeconds(10));
            }
        }
    }

    private static void createTopic(Connections connections) throws Exception {
        Map<String, Object> config = client(connections);
        config.put("default.api.timeout.ms", 5000);
        config.put("request.timeout.ms", 3000);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic("probe-" + UUID.randomUUID(), 1, (short) 1))).all()
                    .get(20, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> client(Connections connections) {
        Map<String, Object> config = new HashMap<>(connections.kafka().clientProperties());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    private static String body() {
        return "{\"orgCode\":\"" + ORG + "\",\"fiscalYear\":2568,\"revision\":1,\"indicators\":{"
                + IntStream.rangeClosed(1, 10).mapToObj(i -> "\"" + i + "\":97.60").collect(Collectors.joining(","))
                + "},\"items\":{\"o5\":0}}";
    }
}
