package org.itapipe.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.derive.Derived;
import org.itapipe.streams.derive.SubmissionChangeProcessor;
import org.itapipe.streams.rollup.Area;
import org.itapipe.streams.rollup.AreaStats;
import org.itapipe.streams.rollup.AreaStatsSerde;
import org.itapipe.streams.rollup.AreaUpdate;
import org.itapipe.streams.rollup.RollupCalculator;

/**
 * The ITA topology, in one place:
 * <pre>
 * ita.submissions.v1 (key orgCode)
 *   -> derive [latest-submissions, alert-states]        per organization: the revision rule decides the latest
 *        -> latest ----------------------------------> ita.latest-submissions.v1
 *        -> gaps ------------------------------------> ita.indicator-gaps.v1
 *        -> year-over-year --------------------------> ita.yoy-changes.v1
 *        -> alerts ----------------------------------> ita.oit-alerts.v1
 *        -> failed (stale, conflicting, unscorable) --> ita.dead-letters.v1
 *        -> district updates (previous and new contribution; no provincial organization) -> repartition by area
 *                                     -> sums [district-stats, cached] -> rollup -> ita.rollups.district.v1
 *        -> province updates, all types and per type -> repartition by area
 *                                     -> sums [province-stats, cached] -> rollup -> ita.rollups.province.v1
 *        -> national updates, all types and per type -> repartition by area
 *                                     -> sums [national-stats, cached] -> rollup -> ita.rollups.national.v1
 * </pre>
 * Keys are organization codes on the way in, so every year and revision of an organization is handled by one task,
 * and area keys after the repartition, so each rollup has a single writer.
 */
public final class ItaTopology {

    private final TopicSerdes serdes;
    private final MethodologyCatalog methodologies;

    public ItaTopology(TopicSerdes serdes, MethodologyCatalog methodologies) {
        this.serdes = serdes;
        this.methodologies = methodologies;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<ScoreSubmission> submissions = serdes.value(Topics.SUBMISSIONS);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SubmissionChangeProcessor.LATEST_STORE), Serdes.String(),
                serdes.internal(ScoreSubmission.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SubmissionChangeProcessor.ALERT_STORE), Serdes.String(), Serdes.String()));

        KStream<String, Derived> derived = builder
                .stream(Topics.SUBMISSIONS.name(), Consumed.with(serdes.key(Topics.SUBMISSIONS), submissions))
                .process(() -> new SubmissionChangeProcessor(methodologies), Named.as("derive"),
                        SubmissionChangeProcessor.LATEST_STORE, SubmissionChangeProcessor.ALERT_STORE);

        Map<String, KStream<String, Derived>> kinds = derived.split(Named.as("derived-"))
                .branch((key, value) -> value instanceof Derived.Latest, Branched.as("latest"))
                .branch((key, value) -> value instanceof Derived.Gaps, Branched.as("gaps"))
                .branch((key, value) -> value instanceof Derived.YearOverYear, Branched.as("yoy"))
                .branch((key, value) -> value instanceof Derived.Alert, Branched.as("alerts"))
                .branch((key, value) -> value instanceof Derived.Failed, Branched.as("failed"))
                .branch((key, value) -> isArea(value, AreaLevel.DISTRICT), Branched.as("districts"))
                .branch((key, value) -> isArea(value, AreaLevel.PROVINCE), Branched.as("provinces"))
                .branch((key, value) -> isArea(value, AreaLevel.NATIONAL), Branched.as("nation"))
                .noDefaultBranch();

        ofKind(kinds, "latest", Derived.Latest.class)
                .mapValues(Derived.Latest::submission)
                .to(Topics.LATEST_SUBMISSIONS.name(), produced(Topics.LATEST_SUBMISSIONS));
        ofKind(kinds, "gaps", Derived.Gaps.class)
                .map((key, gaps) -> KeyValue.pair(gaps.key(), gaps.gaps()))
                .to(Topics.INDICATOR_GAPS.name(), produced(Topics.INDICATOR_GAPS));
        ofKind(kinds, "yoy", Derived.YearOverYear.class)
                .map((key, yoy) -> KeyValue.pair(yoy.key(), yoy.change()))
                .to(Topics.YEAR_OVER_YEAR.name(), produced(Topics.YEAR_OVER_YEAR));
        ofKind(kinds, "alerts", Derived.Alert.class)
                .map((key, alert) -> KeyValue.pair(alert.key(), alert.alert()))
                .to(Topics.OIT_ALERTS.name(), produced(Topics.OIT_ALERTS));
        ofKind(kinds, "failed", Derived.Failed.class)
                .mapValues(ItaTopology::deadLetter)
                .selectKey((key, letter) -> DeadLetters.key(letter))
                .to(Topics.DEAD_LETTERS.name(), produced(Topics.DEAD_LETTERS));
        rollups(ofKind(kinds, "districts", Derived.AreaChange.class), "district", Topics.DISTRICT_ROLLUPS);
        rollups(ofKind(kinds, "provinces", Derived.AreaChange.class), "province", Topics.PROVINCE_ROLLUPS);
        rollups(ofKind(kinds, "nation", Derived.AreaChange.class), "national", Topics.NATIONAL_ROLLUPS);
        return builder.build();
    }

    /** A branch of the split as the kind it holds: the one place the derived union is narrowed. */
    private static <T extends Derived> KStream<String, T> ofKind(Map<String, KStream<String, Derived>> kinds,
                                                                String branch, Class<T> kind) {
        return kinds.get("derived-" + branch).mapValues(kind::cast, Named.as("as-" + branch));
    }

    /**
     * Re-keys area updates by area, so one task owns each area, and folds them into the area's running sums. The
     * sums' store is cached: a burst of updates to one area within a commit interval (a bulk import) yields one
     * rollup per commit, computed once, instead of one per update that the sink would only overwrite.
     */
    private void rollups(KStream<String, Derived.AreaChange> updates, String name, Topic<String, AreaRollup> topic) {
        Serde<AreaUpdate> updateSerde = new JsonSerde<>(AreaUpdate.class);
        updates.map((key, change) -> KeyValue.pair(change.update().area().key(), change.update()))
                .repartition(Repartitioned.with(Serdes.String(), updateSerde).withName(name + "-updates"))
                .groupByKey(Grouped.with(name + "-by-area", Serdes.String(), updateSerde))
                .aggregate(AreaStats::empty, (areaKey, update, stats) -> stats.apply(update), Named.as(name + "-sums"),
                        Materialized.<String, AreaStats, KeyValueStore<Bytes, byte[]>>as(name + "-stats")
                                .withKeySerde(Serdes.String()).withValueSerde(new AreaStatsSerde())
                                .withCachingEnabled())
                .toStream(Named.as(name + "-changes"))
                .map((areaKey, stats) -> KeyValue.pair(Area.parse(areaKey).topicKey(),
                        rollup(Area.parse(areaKey), stats)), Named.as(name + "-rollup"))
                .to(topic.name(), produced(topic));
    }

    /** The area's rollup, or a tombstone once no organization counts in it. */
    private AreaRollup rollup(Area area, AreaStats stats) {
        return stats.count() == 0 ? null
                : RollupCalculator.rollup(area, stats, methodologies.require(area.fiscalYear()));
    }

    private static boolean isArea(Derived value, AreaLevel level) {
        return value instanceof Derived.AreaChange change && change.update().area().level() == level;
    }

    private <V extends SpecificRecord> Produced<String, V> produced(Topic<String, V> topic) {
        return Produced.with(serdes.key(topic), serdes.value(topic));
    }

    private static DeadLetter deadLetter(Derived.Failed failed) {
        return DeadLetters.envelope("streams", Topics.SUBMISSIONS.name(), failed.partition(), failed.offset(),
                failed.submission().getOrgCode().getBytes(StandardCharsets.UTF_8),
                failed.submission().toString().getBytes(StandardCharsets.UTF_8), failed.error(), Instant.now());
    }
}
