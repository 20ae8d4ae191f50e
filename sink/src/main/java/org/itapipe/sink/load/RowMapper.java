package org.itapipe.sink.load;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.DroppedItem;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.IndicatorGap;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.ScoreCard;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;

/**
 * Turns one Kafka record into the rows it contributes, decoding it with the registry serde of its topic. Every row
 * carries the record's offset as its version (see docs/sink-exactly-once.md). Submissions come from the latest
 * submissions that streams publishes (one owner of "latest", docs/revisions.md) and are scored here with the
 * year's methodology, so that analysts get the computed total and level next to what was reported.
 */
public final class RowMapper {

    private final MethodologyCatalog methodologies;
    private final Deserializer<ScoreSubmission> submissions;
    private final Deserializer<IndicatorGaps> gaps;
    private final Deserializer<AreaRollup> rollups;
    private final Deserializer<YearOverYearChange> changes;
    private final Deserializer<OitAlert> alerts;

    public RowMapper(TopicSerdes serdes, MethodologyCatalog methodologies) {
        this.methodologies = methodologies;
        this.submissions = serdes.value(Topics.LATEST_SUBMISSIONS).deserializer();
        this.gaps = serdes.value(Topics.INDICATOR_GAPS).deserializer();
        this.rollups = serdes.value(Topics.DISTRICT_ROLLUPS).deserializer();
        this.changes = serdes.value(Topics.YEAR_OVER_YEAR).deserializer();
        this.alerts = serdes.value(Topics.OIT_ALERTS).deserializer();
    }

    /** The topics this mapper loads. */
    public static List<String> topics() {
        return List.of(Topics.LATEST_SUBMISSIONS.name(), Topics.INDICATOR_GAPS.name(), Topics.DISTRICT_ROLLUPS.name(),
                Topics.PROVINCE_ROLLUPS.name(), Topics.NATIONAL_ROLLUPS.name(), Topics.YEAR_OVER_YEAR.name(),
                Topics.OIT_ALERTS.name());
    }

    /**
     * The rows of a record. A tombstone (null value) has no rows, except on the rollup topics, where it means that
     * an area lost its last member and becomes a deletion marker.
     */
    public List<Row> rows(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        long offset = record.offset();
        boolean rollupTopic = Topics.ROLLUPS.stream().anyMatch(rollups -> rollups.name().equals(topic));
        if (record.value() == null && !rollupTopic) {
            return List.of();
        }
        if (topic.equals(Topics.LATEST_SUBMISSIONS.name())) {
            return submission(submissions.deserialize(topic, record.value()), record.partition(), offset);
        }
        if (topic.equals(Topics.INDICATOR_GAPS.name())) {
            return gaps(gaps.deserialize(topic, record.value()), offset);
        }
        if (rollupTopic) {
            return List.of(rollup(record.key(), topic, rollups.deserialize(topic, record.value()), offset));
        }
        if (topic.equals(Topics.YEAR_OVER_YEAR.name())) {
            return List.of(change(changes.deserialize(topic, record.value()), offset));
        }
        if (topic.equals(Topics.OIT_ALERTS.name())) {
            return List.of(alert(alerts.deserialize(topic, record.value()), offset));
        }
        throw new IllegalArgumentException("the sink does not load topic " + topic);
    }

    private List<Row> submission(ScoreSubmission s, int partition, long offset) {
        Methodology methodology = methodologies.require(s.getFiscalYear());
        ScoreCard card = SubmissionScores.card(s, methodology);
        List<Row> rows = new ArrayList<>();
        Object[] submission = {s.getOrgCode(), s.getFiscalYear(), s.getRevision(),
            s.getSubmissionId(), s.getOrgNameTh(), s.getOrgNameEn(), s.getOrgType().name(), s.getSubdistrictCode(),
            s.getDistrictCode(), s.getProvinceCode(), card.total(), card.level().code(), card.level().nameTh(),
            card.level().passing() ? 1 : 0, s.getReportedTotal(), s.getReportedLevel(), s.getSource().name(),
            s.getSourceReference(), Timestamp.from(s.getSubmittedAt()),
            s.getFlags().stream().map(Flag::getRule).toList(), s.getFlags().stream().map(Flag::getField).toList(),
            s.getFlags().stream().map(Flag::getMessage).toList(), partition, offset};
        rows.add(new Row(Tables.SUBMISSIONS, submission));
        for (IndicatorScore score : s.getIndicators()) {
            rows.add(new Row(Tables.SUBMISSION_INDICATORS, new Object[] {s.getOrgCode(), s.getFiscalYear(),
                s.getRevision(), score.getIndicator(), score.getScore(), offset}));
        }
        for (ItemScore item : s.getItems()) {
            int indicator = methodology.indicatorOfItem(item.getCode()).orElseThrow(() -> new IllegalArgumentException(
                    "item " + item.getCode() + " is not in the FY " + s.getFiscalYear() + " methodology")).number();
            rows.add(new Row(Tables.SUBMISSION_ITEMS, new Object[] {s.getOrgCode(), s.getFiscalYear(), s.getRevision(),
                item.getCode(), indicator, methodology.isOitItem(item.getCode()) ? 1 : 0, item.getScore(),
                methodology.alerts().oitItemThreshold(), offset}));
        }
        rows.add(new Row(Tables.LATEST_SUBMISSIONS, submission));
        return rows;
    }

    private static List<Row> gaps(IndicatorGaps g, long offset) {
        List<Row> rows = new ArrayList<>();
        for (IndicatorGap gap : g.getIndicators()) {
            rows.add(new Row(Tables.INDICATOR_GAPS, new Object[] {g.getOrgCode(), g.getFiscalYear(), g.getRevision(),
                g.getTotal(), g.getLevel(), g.getNextLevel(), g.getGapToNextLevel(), gap.getIndicator(),
                gap.getScore(), gap.getGapTo100(), gap.getWeightInTotal(), gap.getPointsRecoverable(), gap.getRank(),
                offset}));
        }
        return rows;
    }

    /**
     * A rollup, or for a tombstone (the area lost its last member) a deletion marker parsed from the key,
     * {@code <fiscalYear>/<areaCode>[/<orgType>]}. {@code org_type} is empty for a rollup over all types.
     */
    private static Row rollup(String key, String topic, AreaRollup r, long offset) {
        String level = topic.equals(Topics.DISTRICT_ROLLUPS.name()) ? "DISTRICT"
                : topic.equals(Topics.PROVINCE_ROLLUPS.name()) ? "PROVINCE" : "NATIONAL";
        if (r == null) {
            String[] parts = key.split("/", 3);
            return new Row(Tables.AREA_ROLLUPS, new Object[] {level, Integer.parseInt(parts[0]), parts[1],
                parts.length == 3 ? parts[2] : "", 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), 0, 0, null, 1, offset});
        }
        Map<Integer, BigDecimal> means = new TreeMap<>();
        r.getIndicatorMeans().forEach(mean -> means.put(mean.getIndicator(), mean.getScore()));
        Map<String, Integer> levels = new TreeMap<>();
        r.getLevelCounts().forEach(count -> levels.put(count.getLevel(), count.getOrganizations()));
        return new Row(Tables.AREA_ROLLUPS, new Object[] {level, r.getFiscalYear(), r.getAreaCode(),
            r.getOrgType() == null ? "" : r.getOrgType().name(), r.getOrganizations(), r.getMeanTotal(),
            r.getMedianTotal(), r.getMinTotal(), r.getMaxTotal(), r.getStddevTotal(), means, levels, r.getPassing(),
            r.getWithOitAlert(), r.getMeanTotalChange(), 0, offset});
    }

    private static Row change(YearOverYearChange c, long offset) {
        Map<Integer, BigDecimal> deltas = new TreeMap<>();
        c.getIndicatorDeltas().forEach(delta -> deltas.put(delta.getIndicator(), delta.getDelta()));
        return new Row(Tables.YOY_CHANGES, new Object[] {c.getOrgCode(), c.getFiscalYear(), c.getPreviousFiscalYear(),
            c.getDistrictCode(), c.getProvinceCode(), c.getTotal(), c.getPreviousTotal(), c.getTotalDelta(),
            c.getLevel(), c.getPreviousLevel(), c.getLevelChange().name(), deltas,
            c.getDroppedItems().stream().map(DroppedItem::getCode).toList(), offset});
    }

    private static Row alert(OitAlert a, long offset) {
        return new Row(Tables.OIT_ALERTS, new Object[] {a.getOrgCode(), a.getFiscalYear(), a.getItemCode(),
            a.getState().name(), a.getScore(), a.getThreshold(), a.getPreviousScore(),
            a.getPreviousScoreFrom().name(), a.getFell() ? 1 : 0, a.getRevision(), a.getIndicator(),
            a.getOrgNameTh(), a.getDistrictCode(), a.getProvinceCode(), Timestamp.from(a.getChangedAt()), offset});
    }
}
