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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.serde.Decoded;
import org.itapipe.schemas.topics.DeadLetters;
import org.itapipe.schemas.topics.Topic;
import org.itapipe.schemas.topics.TopicSerdes;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.derive.AlertStatesSerde;
import org.itapipe.streams.derive.Derived;
import org.itapipe.streams.derive.SubmissionChangeProcessor;
import org.itapipe.streams.rollup.Area;
import org.itapipe.streams.rollup.AreaStats;
import org.itapipe.streams.rollup.AreaStatsSerde;
import org.itapipe.streams.rollup.AreaUpdatesSerde;
import org.itapipe.streams.rollup.ProvinceSumsProcessor;
import org.itapipe.streams.rollup.RollupCalculator;
import org.itapipe.streams.rollup.SumsChange;
import org.itapipe.streams.rollup.SumsChangeSerde;

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
 *           province over the organization's type, one record per province
 *           -> repartition by province -> province sums [area-stats], emitted once per commit interval
 *             -> district rollups ----------------------------------------> ita.rollups.district.v1
 *             -> province-type and province rollups ----------------------> ita.rollups.province.v1
 *             -> province-type sums, as emitted before [province-type-parts] and now -> repartition by type
 *                -> sums by type [national-type-stats, cached] -> rollups -> ita.rollups.national.v1
 *                  -> national-type sums, old and new -> repartition -> sums [national-stats, cached]
 *                                                                -> rollups -> ita.rollups.national.v1
 * </pre>
 * Keys are organization codes on the way in, so every year and revision of an organization is handled by one task,
 * and province codes or area keys after a repartition, so each rollup has a single writer.
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
        // Submissions keep the bytes they arrived as: the latest is stored and published as those bytes, not encoded
        // twice more (DecodedSerde; the bytes are in the same wire format as before, so stores restore as they were).
        Serde<Decoded<ScoreSubmission>> submissions = serdes.decoded(Topics.SUBMISSIONS);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                store(SubmissionChangeProcessor.LATEST_STORE), Serdes.String(),
                serdes.decodedInternal(ScoreSubmission.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                store(SubmissionChangeProcessor.ALERT_STORE), Serdes.String(),
                new AlertStatesSerde()));
        // Cached: an area updated many times between two commits reaches the changelog once.
        for (String name : new String[] {ProvinceSumsProcessor.STORE, ProvinceSumsProcessor.PARTS_STORE}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(store(name), Serdes.String(),
                    new AreaStatsSerde()).withCachingEnabled());
        }

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
                .branch((key, value) -> value instanceof Derived.AreaChanges, Branched.as("areas"))
                .noDefaultBranch();

        ofKind(kinds, "latest", Derived.Latest.class)
                .mapValues(Derived.Latest::submission)
                .to(Topics.LATEST_SUBMISSIONS.name(), Produced.with(serdes.key(Topics.LATEST_SUBMISSIONS),
                        serdes.decoded(Topics.LATEST_SUBMISSIONS)));
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
        rollups(ofKind(kinds, "areas", Derived.AreaChanges.class));
        return builder.build();
    }

    /** A branch of the split as the kind it holds: the one place the derived union is narrowed. */
    private static <T extends Derived> KStream<String, T> ofKind(Map<String, KStream<String, Derived>> kinds,
                                                                String branch, Class<T> kind) {
        return kinds.get("derived-" + branch).mapValues(kind::cast, Named.as("as-" + branch));
    }

    /**
     * The rollups, as a hierarchy of running sums. A submission's updates go in one record to the province that owns
     * the areas it joins directly (its district, its province over its type), so one task owns each of them and also
     * sums the province over all types from them ({@link ProvinceSumsProcessor}), emitting each changed area once per
     * commit interval. The country over a type is summed from the province-type areas and the country over all types
     * from its type areas, so its ~7,850 totals are combined once per province area that changed in a commit, not
     * once per submission.
     */
    private void rollups(KStream<String, Derived.AreaChanges> changes) {
        KStream<String, SumsChange> owned = changes
                .map((key, change) -> KeyValue.pair(change.owner(), change.updates()), Named.as("owner-of-updates"))
                .repartition(Repartitioned.with(Serdes.String(), new AreaUpdatesSerde()).withName("province-updates"))
                .process(ProvinceSumsProcessor::new, Named.as("province-sums"), ProvinceSumsProcessor.STORE,
                        ProvinceSumsProcessor.PARTS_STORE);
        Serde<SumsChange> partSerde = new SumsChangeSerde();
        KTable<String, AreaStats> nationalTypes = owned
                .filter((areaKey, change) -> Area.parse(areaKey).isProvinceType(), Named.as("province-type-changes"))
                .map((areaKey, change) -> KeyValue.pair(Area.parse(areaKey).national().key(), change),
                        Named.as("national-type-of-part"))
                .repartition(Repartitioned.with(Serdes.String(), partSerde).withName("national-type-parts"))
                .groupByKey(Grouped.with("national-type-parts-by-type", Serdes.String(), partSerde))
                .aggregate(AreaStats::empty, (areaKey, part, sum) -> part.appliedTo(sum),
                        Named.as("national-type-sums"), sums("national-type-stats"));
        KTable<String, AreaStats> nation = sumOf(nationalTypes, "national", Area::withoutType);

        KStream<String, AreaStats> provinceSums = owned.mapValues(SumsChange::after, Named.as("province-area-sums"));
        publish(provinceSums.filter((areaKey, stats) -> isLevel(areaKey, AreaLevel.DISTRICT),
                Named.as("district-changes")), "district", Topics.DISTRICT_ROLLUPS);
        publish(provinceSums.filter((areaKey, stats) -> isLevel(areaKey, AreaLevel.PROVINCE),
                Named.as("province-changes")), "province", Topics.PROVINCE_ROLLUPS);
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

    private static Materialized<String, AreaStats, KeyValueStore<Bytes, byte[]>> sums(String name) {
        return Materialized.<String, AreaStats>as(store(name))
                .withKeySerde(Serdes.String()).withValueSerde(new AreaStatsSerde()).withCachingEnabled();
    }

    /**
     * Every store of the topology, in memory with its changelog. The state is bounded by the organizations and years
     * (about 7,850 latest submissions a year, a few hundred areas), a few tens of MiB; RocksDB's reads and writes were
     * a tenth of the stream thread (docs/benchmarks.md, session 13). The changelogs stay the state's only durable copy:
     * an instance that starts restores its stores from them.
     */
    private static KeyValueBytesStoreSupplier store(String name) {
        return Stores.inMemoryKeyValueStore(name);
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
                failed.submission().value().getOrgCode().getBytes(StandardCharsets.UTF_8),
                failed.submission().payload(), failed.error(), Instant.now());
    }
}
