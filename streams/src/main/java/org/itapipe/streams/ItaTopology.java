package org.itapipe.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
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
import org.apache.kafka.streams.kstream.KTable;
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
import org.itapipe.streams.derive.AlertStates;
import org.itapipe.streams.derive.Derived;
import org.itapipe.streams.derive.SubmissionChangeProcessor;
import org.itapipe.streams.rollup.Area;
import org.itapipe.streams.rollup.AreaStats;
import org.itapipe.streams.rollup.AreaStatsSerde;
import org.itapipe.streams.rollup.AreaUpdate;
import org.itapipe.streams.rollup.AreaUpdateSerde;
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
 *        -> area updates (previous and new contribution) to the district (no provincial organization) and the
 *           province over the organization's type -> repartition by area -> sums [area-stats, cached]
 *             -> district rollups ----------------------------------------> ita.rollups.district.v1
 *             -> province-type rollups -----------------------------------> ita.rollups.province.v1
 *             -> province-type sums, old and new -> repartition -> sums by province [province-stats, cached]
 *                                                                -> rollups -> ita.rollups.province.v1
 *             -> province-type sums, old and new -> repartition -> sums by type [national-type-stats, cached]
 *                                                                -> rollups -> ita.rollups.national.v1
 *                  -> national-type sums, old and new -> repartition -> sums [national-stats, cached]
 *                                                                -> rollups -> ita.rollups.national.v1
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
                Stores.persistentKeyValueStore(SubmissionChangeProcessor.ALERT_STORE), Serdes.String(),
                new JsonSerde<>(AlertStates.class)));

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
                .branch((key, value) -> value instanceof Derived.AreaChange, Branched.as("areas"))
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
        rollups(ofKind(kinds, "areas", Derived.AreaChange.class));
        return builder.build();
    }

    /** A branch of the split as the kind it holds: the one place the derived union is narrowed. */
    private static <T extends Derived> KStream<String, T> ofKind(Map<String, KStream<String, Derived>> kinds,
                                                                String branch, Class<T> kind) {
        return kinds.get("derived-" + branch).mapValues(kind::cast, Named.as("as-" + branch));
    }

    /**
     * The rollups, as a hierarchy of running sums. Organizations' updates are re-keyed by the areas they join directly
     * (their district, their province over their type), so one task owns each, and folded into those areas' sums. Every
     * other area is summed from the areas below it: a province over all types and the country over a type from the
     * province-type areas, the country over all types from its type areas. So a submission costs one or two updates
     * however many areas it counts in, and the country's ~7,850 totals are combined once per province area that changed
     * in a commit, not once per submission. Every sums' store is cached: a burst of changes to an area within a commit
     * interval (a bulk import) yields one rollup per commit, computed once.
     */
    private void rollups(KStream<String, Derived.AreaChange> changes) {
        Serde<AreaUpdate> updateSerde = new AreaUpdateSerde();
        KTable<String, AreaStats> joined = changes
                .map((key, change) -> KeyValue.pair(change.update().area().key(), change.update()),
                        Named.as("area-of-update"))
                .repartition(Repartitioned.with(Serdes.String(), updateSerde).withName("area-updates"))
                .groupByKey(Grouped.with("area-updates-by-area", Serdes.String(), updateSerde))
                .aggregate(AreaStats::empty, (areaKey, update, stats) -> stats.apply(update), Named.as("area-sums"),
                        sums("area-stats"));
        KTable<String, AreaStats> provinceTypes = joined.filter((areaKey, stats) -> isLevel(areaKey,
                AreaLevel.PROVINCE), Named.as("province-type-areas"));
        KTable<String, AreaStats> provinces = sumOf(provinceTypes, "province", Area::withoutType);
        KTable<String, AreaStats> nationalTypes = sumOf(provinceTypes, "national-type", Area::national);
        KTable<String, AreaStats> nation = sumOf(nationalTypes, "national", Area::withoutType);

        KStream<String, AreaStats> joinedChanges = joined.toStream(Named.as("area-changes"));
        publish(joinedChanges.filter((areaKey, stats) -> isLevel(areaKey, AreaLevel.DISTRICT),
                Named.as("district-changes")), "district", Topics.DISTRICT_ROLLUPS);
        publish(joinedChanges.filter((areaKey, stats) -> isLevel(areaKey, AreaLevel.PROVINCE),
                Named.as("province-type-changes")), "province-type", Topics.PROVINCE_ROLLUPS);
        publish(provinces.toStream(Named.as("province-changes")), "province", Topics.PROVINCE_ROLLUPS);
        publish(nationalTypes.toStream(Named.as("national-type-changes")), "national-type", Topics.NATIONAL_ROLLUPS);
        publish(nation.toStream(Named.as("national-changes")), "national", Topics.NATIONAL_ROLLUPS);
    }

    /**
     * The sums of the areas that {@code parent} maps {@code parts} to. A part that changed arrives with its sums
     * before and after (KTable semantics): the old come off and the new go on, so the sum always equals the parts'.
     */
    private static KTable<String, AreaStats> sumOf(KTable<String, AreaStats> parts, String name,
                                                   UnaryOperator<Area> parent) {
        return parts.groupBy((areaKey, stats) -> KeyValue.pair(parent.apply(Area.parse(areaKey)).key(), stats),
                        Grouped.with(name + "-parts", Serdes.String(), new AreaStatsSerde()))
                .aggregate(AreaStats::empty, (areaKey, part, sum) -> sum.plus(part),
                        (areaKey, part, sum) -> sum.minus(part), Named.as(name + "-sums"), sums(name + "-stats"));
    }

    private static Materialized<String, AreaStats, KeyValueStore<Bytes, byte[]>> sums(String store) {
        return Materialized.<String, AreaStats, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String()).withValueSerde(new AreaStatsSerde()).withCachingEnabled();
    }

    private void publish(KStream<String, AreaStats> changes, String name, Topic<String, AreaRollup> topic) {
        changes.map((areaKey, stats) -> KeyValue.pair(Area.parse(areaKey).topicKey(),
                        rollup(Area.parse(areaKey), stats)), Named.as(name + "-rollup"))
                .to(topic.name(), produced(topic));
    }

    /** The area's rollup, or a tombstone once no organization counts in it. */
    private AreaRollup rollup(Area area, AreaStats stats) {
        return stats.count() == 0 ? null
                : RollupCalculator.rollup(area, stats, methodologies.require(area.fiscalYear()));
    }

    private static boolean isLevel(String areaKey, AreaLevel level) {
        return Area.parse(areaKey).level() == level;
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
