package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.registry.SchemaRegistryClient;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.TopicSetup;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.testkit.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code itapipe streams} killed with SIGKILL in the middle of a replay and started again on the same port and state
 * directory: it resumes at once (static group membership) without an ERROR for the ordinary recovery, and what it
 * committed holds every submission exactly once, rollups included.
 */
@ExtendWith(EmbeddedStackExtension.class)
class StreamsKillTest {

    /** Provinces 78 and 79 do not exist: no other test of this JVM writes them, each test has its own. */
    private static final String KILLED_AND_RESTARTED = "79";
    private static final String KILLED_WITH_A_SURVIVOR = "78";
    private static final int DISTRICTS = 10;
    private static final int PER_DISTRICT = 200;
    private static final int SUBMISSIONS = DISTRICTS * PER_DISTRICT;
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(30);


    @TempDir
    Path dir;

    @Test
    void aStreamsInstanceKilledMidReplayResumesAtOnceAndCountsEverySubmissionOnce(StackEndpoints stack)
            throws Exception {
        Outputs outputs = new Outputs(stack, serdes(stack), KILLED_AND_RESTARTED);
        Map<String, ScoreSubmission> sent = send(stack, outputs.serdes, KILLED_AND_RESTARTED);
        Path config = config(stack, "streams", "itapipe-streams-kill-" + UUID.randomUUID());
        Map<String, String> env = launcherEnvironment();
        try (outputs) {
            int beforeKill;
            try (LauncherProcess streams = LauncherProcess.start(dir, env, "streams", "--config", config.toString())) {
                outputs.await(() -> outputs.latest.size() >= SUBMISSIONS / 10, Duration.ofMinutes(2));
                streams.kill();
                streams.awaitExit(Duration.ofSeconds(10));
                // Everything the killed instance committed, read to the end, so that what comes next is new.
                outputs.drain(Duration.ofSeconds(3));
                beforeKill = outputs.latest.size();
            }
            assertThat(beforeKill).as("killed in the middle of the replay").isLessThan(SUBMISSIONS);
            long restarted = System.nanoTime();
            try (LauncherProcess streams = LauncherProcess.start(dir, env, "streams", "--config", config.toString())) {
                outputs.await(() -> outputs.latest.size() > beforeKill, Duration.ofMinutes(2));
                Duration resumed = Duration.ofNanos(System.nanoTime() - restarted);
                outputs.await(() -> outputs.latest.size() >= SUBMISSIONS && outputs.completeRollups(),
                        Duration.ofMinutes(3));
                System.out.printf("streams kill -9 at %d of %d committed; the restarted JVM committed again after "
                        + "%.1f s%n", beforeKill, SUBMISSIONS, resumed.toMillis() / 1000.0);
                assertThat(resumed).as("resumed (JVM start included)").isLessThan(RESUMED_WITHIN);
                assertThat(streams.output()).doesNotContain("TaskCorrupted").doesNotContain("ERROR");
            }
            outputs.drain(Duration.ofSeconds(3));
        }

        assertEverySubmissionOnce(outputs, sent);
        String log = Files.readString(dir.resolve("state").resolve("itapipe").resolve("logs").resolve("itapipe.log"));
        assertThat(log.lines().filter(line -> line.contains(" ERROR "))).as("ordinary recovery is no error").isEmpty();
    }

    @Test
    void whenOneOfTwoInstancesIsKilledTheOtherTakesOverItsPartitionsAndCountsEverySubmissionOnce(StackEndpoints stack)
            throws Exception {
        Outputs outputs = new Outputs(stack, serdes(stack), KILLED_WITH_A_SURVIVOR);
        Map<String, ScoreSubmission> sent = send(stack, outputs.serdes, KILLED_WITH_A_SURVIVOR);
        String application = "itapipe-streams-pair-" + UUID.randomUUID();
        Map<String, String> env = launcherEnvironment();
        try (outputs;
             LauncherProcess survivor = LauncherProcess.start(dir, env, "streams", "--config",
                     config(stack, "survivor", application).toString());
             LauncherProcess victim = LauncherProcess.start(dir, env, "streams", "--config",
                     config(stack, "victim", application).toString())) {
            outputs.await(() -> outputs.latest.size() >= SUBMISSIONS / 10, Duration.ofMinutes(2));
            victim.kill();
            long killed = System.nanoTime();
            int beforeKill = outputs.latest.size();
            outputs.await(() -> outputs.latest.size() >= SUBMISSIONS && outputs.completeRollups(),
                    Duration.ofMinutes(3));
            System.out.printf("streams pair, one killed with SIGKILL at %d of %d committed: the survivor had "
                    + "committed everything %.1f s later%n", beforeKill, SUBMISSIONS,
                    (System.nanoTime() - killed) / 1e9);
            assertThat(survivor.output()).doesNotContain("ERROR");
            outputs.drain(Duration.ofSeconds(3));
        }

        assertEverySubmissionOnce(outputs, sent);
    }

    private static TopicSerdes serdes(StackEndpoints stack) {
        return new TopicSerdes(new SchemaRegistryClient(stack.connections().registry()), true);
    }

    /** Where the launched services log: the test's own state home. */
    private Map<String, String> launcherEnvironment() {
        return Map.of("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    private static String district(String province, int d) {
        return province + String.format("%02d", 10 + d);
    }

    /** What streams committed holds each submission once, and each district's rollup is that of its submissions. */
    private static void assertEverySubmissionOnce(Outputs outputs, Map<String, ScoreSubmission> sent) {
        assertThat(outputs.latestRecords).as("one latest record per submission, none twice").isEqualTo(SUBMISSIONS);
        assertThat(outputs.latest).containsOnlyKeys(sent.keySet().stream()
                .map(org -> Topics.orgYearKey(org, 2568)).toList());
        assertThat(outputs.gapRecords).as("one gaps record per submission").isEqualTo(SUBMISSIONS);
        for (int d = 0; d < DISTRICTS; d++) {
            String district = district(outputs.province, d);
            List<BigDecimal> totals = outputs.gaps.values().stream()
                    .filter(gaps -> gaps.getOrgCode().startsWith(district)).map(IndicatorGaps::getTotal).toList();
            AreaRollup rollup = outputs.districts.get("2568/" + district);
            assertThat(rollup.getOrganizations()).as(district).isEqualTo(PER_DISTRICT);
            assertThat(rollup.getMeanTotal()).as(district).isEqualTo(totals.stream().reduce(BigDecimal.ZERO,
                    BigDecimal::add).divide(BigDecimal.valueOf(PER_DISTRICT), 2, RoundingMode.HALF_UP));
            assertThat(rollup.getMinTotal()).isEqualTo(totals.stream().min(BigDecimal::compareTo).orElseThrow());
            assertThat(rollup.getMaxTotal()).isEqualTo(totals.stream().max(BigDecimal::compareTo).orElseThrow());
        }
    }


    /** A streams instance's settings: its application, its own state directory and a fixed port of its own. */
    private Path config(StackEndpoints stack, String instance, String applicationId) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<String> lines = new ArrayList<>(stack.lines());
        lines.add("streams.application-id=" + applicationId);
        lines.add("streams.state-dir=" + dir.resolve(instance + "-state"));
        lines.add("streams.http.port=" + port);
        return Files.writeString(dir.resolve(instance + ".properties"), String.join("\n", lines) + "\n");
    }

    private static Map<String, ScoreSubmission> send(StackEndpoints stack, TopicSerdes serdes, String province)
            throws Exception {
        TopicSetup.createMissing(stack.connections().kafka(), TopicSettings.SINGLE_BROKER);
        Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<String, ScoreSubmission> sent = new HashMap<>();
        try (KafkaProducer<String, ScoreSubmission> producer = new KafkaProducer<>(config,
                serdes.key(Topics.SUBMISSIONS).serializer(), serdes.value(Topics.SUBMISSIONS).serializer())) {
            for (int d = 0; d < DISTRICTS; d++) {
                for (int i = 0; i < PER_DISTRICT; i++) {
                    String district = district(province, d);
                    int spread = i * 11 + d;
                    ScoreSubmission submission = ScoreSubmission.newBuilder()
                            .setSubmissionId(UUID.randomUUID().toString())
                            .setOrgCode(district + String.format("%03d", i))
                            .setOrgNameTh("อบต.ทดสอบ " + i)
                            .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                            .setDistrictCode(district).setProvinceCode(province).setFiscalYear(2568).setRevision(1)
                            .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(n -> new IndicatorScore(n,
                                    BigDecimal.valueOf(6_000 + (n * 37 + spread) % 4_000, 2))).toList())
                            .setSource(SubmissionSource.GENERATED).setSubmittedAt(Instant.now()).build();
                    producer.send(new ProducerRecord<>(Topics.SUBMISSIONS.name(), submission.getOrgCode(), submission));
                    sent.put(submission.getOrgCode(), submission);
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** What streams committed for one province, read as the sink reads it (read_committed). */
    private static final class Outputs implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        final TopicSerdes serdes;
        final String province;
        final Map<String, ScoreSubmission> latest = new HashMap<>();
        final Map<String, IndicatorGaps> gaps = new HashMap<>();
        final Map<String, AreaRollup> districts = new HashMap<>();
        int latestRecords;
        int gapRecords;

        Outputs(StackEndpoints stack, TopicSerdes serdes, String province) {
            this.serdes = serdes;
            this.province = province;
            Map<String, Object> config = new HashMap<>(stack.connections().kafka().clientProperties());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "streams-kill-reader-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.LATEST_SUBMISSIONS.name(), Topics.INDICATOR_GAPS.name(),
                    Topics.DISTRICT_ROLLUPS.name()));
        }

        void await(BooleanSupplier condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited " + timeout + "; latest " + latest.size()).isLessThan(deadline);
                pollOnce();
            }
        }

        void drain(Duration quiet) {
            long until = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < until) {
                pollOnce();
            }
        }

        boolean completeRollups() {
            return IntStream.range(0, DISTRICTS).mapToObj(d -> districts.get("2568/" + district(province, d)))
                    .allMatch(rollup -> rollup != null && rollup.getOrganizations() == PER_DISTRICT);
        }

        private void pollOnce() {
            consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                String topic = record.topic();
                if (topic.equals(Topics.LATEST_SUBMISSIONS.name()) && record.key().startsWith(province)) {
                    latestRecords++;
                    latest.put(record.key(), serdes.value(Topics.LATEST_SUBMISSIONS).deserializer()
                            .deserialize(topic, record.value()));
                } else if (topic.equals(Topics.INDICATOR_GAPS.name()) && record.key().startsWith(province)) {
                    gapRecords++;
                    gaps.put(record.key(), serdes.value(Topics.INDICATOR_GAPS).deserializer()
                            .deserialize(topic, record.value()));
                } else if (topic.equals(Topics.DISTRICT_ROLLUPS.name()) && record.key().startsWith("2568/" + province)) {
                    districts.put(record.key(), serdes.value(Topics.DISTRICT_ROLLUPS).deserializer()
                            .deserialize(topic, record.value()));
                }
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
