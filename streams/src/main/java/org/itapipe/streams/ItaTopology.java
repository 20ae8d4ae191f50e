package org.itapipe.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
import org.itapipe.streams.rollup.AreaStats;
import org.itapipe.streams.rollup.AreaRollupProcessor;
import org.itapipe.streams.rollup.AreaUpdate;
import org.itapipe.streams.rollup.MemberSummary;

/**
 * The ITA topology, in one place:
 * <pre>
 * ita.submissions.v1 (key orgCode)
 *   -> derive [latest-submissions, alert-states]        per organization: latest revision wins
 *        -> gaps ------------------------------------> ita.indicator-gaps.v1
 *        -> year-over-year --------------------------> ita.yoy-changes.v1
 *        -> alerts ----------------------------------> ita.oit-alerts.v1
 *        -> failed ----------------------------------> ita.dead-letters.v1
 *        -> district updates -> repartition by area -> rollup [district-members, district-stats]
 *                                                                               -> ita.rollups.district.v1
 *        -> province updates -> repartition by area -> rollup [province-members, province-stats]
 *                                                                               -> ita.rollups.province.v1
 * </pre>
 * Keys are organization codes on the way in, so every year and revision of an organization is handled by one task,
 * and area keys after the repartition, so each rollup has a single writer.
 */
public final class ItaTopology {

    static final String DISTRICT_STORES = "district";
    static final String PROVINCE_STORES = "province";

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
        for (String prefix : List.of(DISTRICT_STORES, PROVINCE_STORES)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                    AreaRollupProcessor.membersStore(prefix)), Serdes.String(), new JsonSerde<>(MemberSummary.class)));
            // Cached: a burst of updates to one area within a commit interval is written to the changelog once.
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                    AreaRollupProcessor.statsStore(prefix)), Serdes.String(), new JsonSerde<>(AreaStats.class))
                    .withCachingEnabled());
        }

        KStream<String, Derived> derived = builder
                .stream(Topics.SUBMISSIONS.name(), Consumed.with(serdes.key(Topics.SUBMISSIONS), submissions))
                .process(() -> new SubmissionChangeProcessor(methodologies), Named.as("derive"),
                        SubmissionChangeProcessor.LATEST_STORE, SubmissionChangeProcessor.ALERT_STORE);

        Map<String, KStream<String, Derived>> kinds = derived.split(Named.as("derived-"))
                .branch((key, value) -> value instanceof Derived.Gaps, Branched.as("gaps"))
                .branch((key, value) -> value instanceof Derived.YearOverYear, Branched.as("yoy"))
                .branch((key, value) -> value instanceof Derived.Alert, Branched.as("alerts"))
                .branch((key, value) -> value instanceof Derived.Failed, Branched.as("failed"))
                .branch((key, value) -> isArea(value, AreaLevel.DISTRICT), Branched.as("districts"))
                .branch((key, value) -> isArea(value, AreaLevel.PROVINCE), Branched.as("provinces"))
                .noDefaultBranch();

        kinds.get("derived-gaps")
                .map((key, value) -> KeyValue.pair(((Derived.Gaps) value).key(), ((Derived.Gaps) value).gaps()))
                .to(Topics.INDICATOR_GAPS.name(), produced(Topics.INDICATOR_GAPS));
        kinds.get("derived-yoy")
                .map((key, value) -> KeyValue.pair(((Derived.YearOverYear) value).key(),
                        ((Derived.YearOverYear) value).change()))
                .to(Topics.YEAR_OVER_YEAR.name(), produced(Topics.YEAR_OVER_YEAR));
        kinds.get("derived-alerts")
                .map((key, value) -> KeyValue.pair(((Derived.Alert) value).key(), ((Derived.Alert) value).alert()))
                .to(Topics.OIT_ALERTS.name(), produced(Topics.OIT_ALERTS));
        kinds.get("derived-failed")
                .map((key, value) -> KeyValue.pair(Topics.SUBMISSIONS.name() + "/" + key, deadLetter((Derived.Failed) value)))
                .to(Topics.DEAD_LETTERS.name(), produced(Topics.DEAD_LETTERS));
        rollups(kinds.get("derived-districts"), DISTRICT_STORES, Topics.DISTRICT_ROLLUPS);
        rollups(kinds.get("derived-provinces"), PROVINCE_STORES, Topics.PROVINCE_ROLLUPS);
        return builder.build();
    }

    /** Re-keys area updates by area, so one task owns each area, and keeps that area's rollup. */
    private void rollups(KStream<String, Derived> updates, String name, Topic<String, AreaRollup> topic) {
        updates.map((key, value) -> KeyValue.pair(((Derived.Area) value).update().areaKey(),
                        ((Derived.Area) value).update()))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(AreaUpdate.class))
                        .withName(name + "-updates"))
                .process(() -> new AreaRollupProcessor(name, methodologies), Named.as(name + "-rollup"),
                        AreaRollupProcessor.membersStore(name), AreaRollupProcessor.statsStore(name))
                // The latest rollup per area, cached: a burst of updates to one area (a bulk import) reaches the
                // topic as one rollup per commit instead of one per update, which the sink would only overwrite.
                .toTable(Named.as(name + "-latest"), Materialized.<String, AreaRollup, KeyValueStore<Bytes, byte[]>>as(
                                name + "-rollups").withKeySerde(Serdes.String())
                        .withValueSerde(serdes.internal(AreaRollup.class)).withCachingEnabled())
                .toStream(Named.as(name + "-changes"))
                .to(topic.name(), produced(topic));
    }

    private static boolean isArea(Derived value, AreaLevel level) {
        return value instanceof Derived.Area area && area.update().level() == level;
    }

    private <V extends SpecificRecord> Produced<String, V> produced(Topic<String, V> topic) {
        return Produced.with(serdes.key(topic), serdes.value(topic));
    }

    private static DeadLetter deadLetter(Derived.Failed failed) {
        return DeadLetters.envelope("streams", Topics.SUBMISSIONS.name(), -1, -1,
                failed.submission().getOrgCode().getBytes(StandardCharsets.UTF_8),
                failed.submission().toString().getBytes(StandardCharsets.UTF_8), failed.error(), Instant.now());
    }
}
