package org.itapipe.sink.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.itapipe.schemas.registry.InMemorySchemaRegistry;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

/** What rows one record becomes, read by column name; the same rows in ClickHouse: SinkFaultTest and e2e. */
class RowMapperTest {

    private final TopicSerdes serdes = new TopicSerdes(new InMemorySchemaRegistry(), true);
    private final RowMapper mapper = new RowMapper(serdes, MethodologyCatalog.builtIn());

    @Test
    void aLatestSubmissionBecomesItsRowsScoredWithItsYearsMethodologyAndVersionedByItsOffset() {
        // Ten indicators at 90.00: every tool averages 90.00, so the total is 90.00, at least 85.00: ผ่านดี.
        List<Row> rows = mapper.rows(record(Topics.LATEST_SUBMISSIONS.name(), 3, 42, submission(
                List.of(new ItemScore("o1", new BigDecimal("0.00"))))));

        assertThat(rows).extracting(Row::table).containsExactly(Tables.SUBMISSIONS,
                Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS,
                Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS,
                Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_INDICATORS,
                Tables.SUBMISSION_INDICATORS, Tables.SUBMISSION_ITEMS, Tables.LATEST_SUBMISSIONS);
        Row submission = rows.get(0);
        assertThat((BigDecimal) value(submission, "total")).isEqualByComparingTo("90.00");
        assertThat(value(submission, "level")).isEqualTo("GOOD_PASS");
        assertThat(value(submission, "level_th")).isEqualTo("ผ่านดี");
        assertThat(value(submission, "passing")).isEqualTo(1);
        assertThat(value(submission, "_partition")).isEqualTo(3);
        assertThat(value(submission, "_offset")).isEqualTo(42L);
        assertThat(rows.get(rows.size() - 1).values()).as("the latest row is the submission row")
                .isEqualTo(submission.values());

        Row item = rows.get(11);
        assertThat(value(item, "item_code")).isEqualTo("o1");
        assertThat(value(item, "indicator")).as("o1 is an item of indicator 9, the OIT").isEqualTo(9);
        assertThat(value(item, "is_oit")).isEqualTo(1);
        assertThat((BigDecimal) value(item, "alert_threshold")).isEqualByComparingTo("50.00");
        assertThat(rows).allSatisfy(row -> assertThat(value(row, "_offset")).isEqualTo(42L));
    }

    @Test
    void theTotalAndLevelAreTheCardsInTheRecordNotAScoringOfItsOwn() {
        ScoreSubmission carded = submission(List.of());
        // A card computed from other indicators (all 80.00): the sink writes what the validator computed.
        carded.setCard(SubmissionScores.computed(MethodologyCatalog.builtIn().require(2568).score(
                IntStream.rangeClosed(1, 10).boxed().collect(Collectors.toMap(i -> i, i -> new BigDecimal("80.00"))))));

        Row submission = mapper.rows(record(Topics.LATEST_SUBMISSIONS.name(), 0, 1, carded)).get(0);

        assertThat((BigDecimal) value(submission, "total")).isEqualByComparingTo("80.00");
        assertThat(value(submission, "level")).isEqualTo(carded.getCard().getLevel());
    }

    @Test
    void anItemOutsideItsYearsMethodologyIsRefusedByName() {
        ConsumerRecord<String, byte[]> record = record(Topics.LATEST_SUBMISSIONS.name(), 0, 0,
                submission(List.of(new ItemScore("o99", new BigDecimal("10.00")))));

        assertThatThrownBy(() -> mapper.rows(record)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item o99 is not in the FY 2568 methodology");
    }

    @Test
    void aRollupTombstoneBecomesADeletionMarkerOfTheAreaItsKeyNames() {
        Row province = mapper.rows(tombstone(Topics.PROVINCE_ROLLUPS.name(),
                "2568/19/SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION", 7)).get(0);
        Row district = mapper.rows(tombstone(Topics.DISTRICT_ROLLUPS.name(), "2568/1908", 8)).get(0);

        assertThat(province.table()).isEqualTo(Tables.AREA_ROLLUPS);
        assertThat(value(province, "area_level")).isEqualTo("PROVINCE");
        assertThat(value(province, "fiscal_year")).isEqualTo(2568);
        assertThat(value(province, "area_code")).isEqualTo("19");
        assertThat(value(province, "org_type")).isEqualTo("SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION");
        assertThat(value(province, "is_deleted")).isEqualTo(1);
        assertThat(value(province, "_offset")).isEqualTo(7L);
        assertThat(value(district, "area_level")).isEqualTo("DISTRICT");
        assertThat(value(district, "org_type")).as("a rollup over all types").isEqualTo("");
    }

    @Test
    void aTombstoneOnAnyOtherTopicHasNoRows() {
        for (String topic : List.of(Topics.LATEST_SUBMISSIONS.name(), Topics.INDICATOR_GAPS.name(),
                Topics.YEAR_OVER_YEAR.name(), Topics.OIT_ALERTS.name())) {
            assertThat(mapper.rows(tombstone(topic, "6190803/2568", 1))).as(topic).isEmpty();
        }
    }

    @Test
    void aTopicTheSinkDoesNotLoadIsRefusedByName() {
        ConsumerRecord<String, byte[]> record = record(Topics.SUBMISSIONS.name(), 0, 0, submission(List.of()));

        assertThatThrownBy(() -> mapper.rows(record)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sink does not load topic " + Topics.SUBMISSIONS.name());
    }

    private static Object value(Row row, String column) {
        int index = row.table().columns().indexOf(column);
        assertThat(index).as(row.table().name() + " has a column " + column).isNotNegative();
        return row.values()[index];
    }

    private static ScoreSubmission submission(List<ItemScore> items) {
        return ScoreSubmission.newBuilder().setSubmissionId("s-1").setOrgCode("6190803")
                .setOrgNameTh("องค์การบริหารส่วนตำบลบ้านกลับ")
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                .setDistrictCode("1908").setProvinceCode("19").setFiscalYear(2568).setRevision(1)
                .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(n -> new IndicatorScore(n,
                        new BigDecimal("90.00"))).toList())
                .setItems(items).setSource(SubmissionSource.GENERATED).setSubmittedAt(Instant.EPOCH).build();
    }

    private ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, ScoreSubmission value) {
        return new ConsumerRecord<>(topic, partition, offset, Topics.orgYearKey(value.getOrgCode(),
                value.getFiscalYear()), serdes.value(Topics.LATEST_SUBMISSIONS).serializer().serialize(topic, value));
    }

    private static ConsumerRecord<String, byte[]> tombstone(String topic, String key, long offset) {
        return new ConsumerRecord<>(topic, 0, offset, key, null);
    }
}
