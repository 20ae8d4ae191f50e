package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.itapipe.config.KafkaSettings;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * A fault test's replay: one province's submissions (10 districts of 200 organizations, spread scores), and what
 * streams committed for it, read as the sink reads it (read_committed), with the check that it holds each
 * submission exactly once and each district rollup equals a recomputation. Use a province that does not exist (78,
 * 79, ...), one per test, so that no other test of the JVM writes it.
 */
final class ProvinceReplay implements AutoCloseable {

    static final int DISTRICTS = 10;
    static final int PER_DISTRICT = 200;
    static final int SUBMISSIONS = DISTRICTS * PER_DISTRICT;

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicSerdes serdes;
    private final String province;
    private final Map<String, ScoreSubmission> sent;
    final Map<String, ScoreSubmission> latest = new HashMap<>();
    private final Map<String, IndicatorGaps> gaps = new HashMap<>();
    private final Map<String, AreaRollup> districts = new HashMap<>();
    private int latestRecords;
    private int gapRecords;

    /** Starts reading the outputs of {@code province} on {@code kafka} from their beginning. */
    ProvinceReplay(KafkaSettings kafka, TopicSerdes serdes, String province) {
        this.serdes = serdes;
        this.province = province;
        this.sent = submissions(province);
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.LATEST_SUBMISSIONS.name(), Topics.INDICATOR_GAPS.name(),
                Topics.DISTRICT_ROLLUPS.name()));
    }

    /** The submissions to send, by organization code, in sending order. */
    Map<String, ScoreSubmission> toSend() {
        return sent;
    }

    private static Map<String, ScoreSubmission> submissions(String province) {
        Map<String, ScoreSubmission> submissions = new LinkedHashMap<>();
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
                submissions.put(submission.getOrgCode(), submission);
            }
        }
        return submissions;
    }

    private static String district(String province, int d) {
        return province + String.format("%02d", 10 + d);
    }

    /** Reads outputs until {@code condition} holds; fails after {@code timeout}. */
    void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + timeout + "; latest " + latest.size()).isLessThan(deadline);
            pollOnce();
        }
    }

    /** Reads outputs for {@code quiet}: everything committed so far, so that what comes next is new. */
    void drain(Duration quiet) {
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            pollOnce();
        }
    }

    /** Every submission has its latest record and every district rollup counts all its organizations. */
    boolean complete() {
        return latest.size() >= SUBMISSIONS && IntStream.range(0, DISTRICTS)
                .mapToObj(d -> districts.get("2568/" + district(province, d)))
                .allMatch(rollup -> rollup != null && rollup.getOrganizations() == PER_DISTRICT);
    }

    /** What streams committed holds each submission once, and each district's rollup is that of its submissions. */
    void assertEverySubmissionOnce() {
        assertThat(latestRecords).as("one latest record per submission, none twice").isEqualTo(SUBMISSIONS);
        assertThat(latest).containsOnlyKeys(sent.keySet().stream().map(org -> Topics.orgYearKey(org, 2568)).toList());
        assertThat(gapRecords).as("one gaps record per submission").isEqualTo(SUBMISSIONS);
        for (int d = 0; d < DISTRICTS; d++) {
            String district = district(province, d);
            List<BigDecimal> totals = gaps.values().stream()
                    .filter(g -> g.getOrgCode().startsWith(district)).map(IndicatorGaps::getTotal).toList();
            AreaRollup rollup = districts.get("2568/" + district);
            assertThat(rollup.getOrganizations()).as(district).isEqualTo(PER_DISTRICT);
            assertThat(rollup.getMeanTotal()).as(district).isEqualTo(totals.stream().reduce(BigDecimal.ZERO,
                    BigDecimal::add).divide(BigDecimal.valueOf(PER_DISTRICT), 2, RoundingMode.HALF_UP));
            assertThat(rollup.getMinTotal()).isEqualTo(totals.stream().min(BigDecimal::compareTo).orElseThrow());
            assertThat(rollup.getMaxTotal()).isEqualTo(totals.stream().max(BigDecimal::compareTo).orElseThrow());
        }
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
