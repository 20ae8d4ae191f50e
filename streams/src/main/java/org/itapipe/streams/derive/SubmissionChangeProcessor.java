package org.itapipe.streams.derive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.revision.RevisionVerdict;
import org.itapipe.schemas.serde.Decoded;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.rollup.Area;
import org.itapipe.streams.rollup.AreaUpdate;
import org.itapipe.streams.rollup.MemberSummary;

/**
 * The heart of the topology, per organization (all years of an organization share a partition):
 * <ol>
 *   <li>keeps the latest revision per organization and year by the one revision rule ({@link RevisionVerdict}): a
 *       duplicate changes nothing and is counted ({@code duplicate-revisions}); a stale or conflicting revision goes
 *       to the dead letters with its rule and is counted ({@code refused-revisions});</li>
 *   <li>for a new latest revision emits it (the one published "latest"), its gaps, its year-over-year change against the previous year and the next
 *       year's change against it (whichever year arrived first), its alert transitions, and its contribution to its
 *       areas (district, province, country, per type; and to the next year's, whose change of total moved).</li>
 * </ol>
 */
public final class SubmissionChangeProcessor implements Processor<String, Decoded<ScoreSubmission>, String, Derived> {

    public static final String LATEST_STORE = "latest-submissions";
    public static final String ALERT_STORE = "alert-states";

    private final MethodologyCatalog methodologies;
    private ProcessorContext<String, Derived> context;
    private KeyValueStore<String, Decoded<ScoreSubmission>> latest;
    private KeyValueStore<String, AlertStates> alerts;
    private Sensor duplicateRevisions;
    private Sensor refusedRevisions;

    public SubmissionChangeProcessor(MethodologyCatalog methodologies) {
        this.methodologies = methodologies;
    }

    @Override
    public void init(ProcessorContext<String, Derived> context) {
        this.context = context;
        this.latest = context.getStateStore(LATEST_STORE);
        this.alerts = context.getStateStore(ALERT_STORE);
        this.duplicateRevisions = context.metrics().addRateTotalSensor("itapipe", "submissions",
                "duplicate-revisions", Sensor.RecordingLevel.INFO);
        this.refusedRevisions = context.metrics().addRateTotalSensor("itapipe", "submissions", "refused-revisions",
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, Decoded<ScoreSubmission>> record) {
        if (record.value() == null) {
            return;
        }
        ScoreSubmission submission = record.value().value();
        String key = Topics.orgYearKey(submission.getOrgCode(), submission.getFiscalYear());
        ScoreSubmission previous = valueOf(latest.get(key));
        RevisionVerdict verdict = RevisionVerdict.ofStored(submission, Optional.ofNullable(previous));
        if (verdict == RevisionVerdict.DUPLICATE) {
            duplicateRevisions.record();
            return;
        }
        if (verdict.refused()) {
            refusedRevisions.record();
            fail(record, key, verdict.refusal(submission, previous.getRevision()));
            return;
        }
        AlertStates alertStates = Optional.ofNullable(alerts.get(key)).orElse(AlertStates.NONE);
        List<Derived> derived;
        try {
            derived = derive(key, submission, previous, alertStates);
        } catch (RuntimeException e) {
            fail(record, key, e);
            return;
        }
        // Stored and published as the bytes it arrived as: encoded once, by its producer (DecodedSerde).
        latest.put(key, record.value());
        List<OitAlert> transitions = derived.stream().filter(Derived.Alert.class::isInstance)
                .map(out -> ((Derived.Alert) out).alert()).toList();
        if (!transitions.isEmpty()) {
            alerts.put(key, alertStates.after(transitions));
        }
        context.forward(record.withKey(key).withValue(new Derived.Latest(key, record.value())));
        derived.forEach(out -> context.forward(record.withKey(key).withValue(out)));
    }

    private void fail(Record<String, Decoded<ScoreSubmission>> record, String key, Exception error) {
        Optional<RecordMetadata> source = context.recordMetadata();
        context.forward(record.withKey(key).withValue(new Derived.Failed(record.value(),
                source.map(RecordMetadata::partition).orElse(-1), source.map(RecordMetadata::offset).orElse(-1L),
                error)));
    }

    private List<Derived> derive(String key, ScoreSubmission submission, ScoreSubmission previous,
                                 AlertStates alertStates) {
        Scored current = Scored.of(submission, methodologies);
        Optional<Scored> previousRevision = Optional.ofNullable(previous).map(p -> Scored.of(p, methodologies));
        Optional<Scored> previousYear = latestOf(submission.getOrgCode(), submission.getFiscalYear() - 1);
        Optional<Scored> nextYear = latestOf(submission.getOrgCode(), submission.getFiscalYear() + 1);

        List<Derived> out = new ArrayList<>();
        out.add(new Derived.Gaps(key, GapsCalculator.gaps(current)));
        previousYear.ifPresent(before -> out.add(new Derived.YearOverYear(key,
                YearOverYearCalculator.change(current, before))));
        nextYear.ifPresent(after -> out.add(new Derived.YearOverYear(
                Topics.orgYearKey(after.orgCode(), after.fiscalYear()), YearOverYearCalculator.change(after, current))));
        AlertTracker.transitions(current, previousRevision, previousYear, alertStates,
                        Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .forEach(transition -> out.add(new Derived.Alert(transition.key(), transition.alert())));
        // Each organization-year counts in its areas as MemberSummary.of(its latest, the latest of the year before);
        // both can change here, so the update names what it replaces (invariant 3 in docs/streams.md).
        List<AreaUpdate> updates = areaUpdates(previousRevision.map(before -> new Contribution(before, previousYear)),
                new Contribution(current, previousYear));
        nextYear.ifPresent(after -> updates.addAll(areaUpdates(Optional.of(new Contribution(after, previousRevision)),
                new Contribution(after, Optional.of(current)))));
        byOwner(updates).forEach((owner, owned) -> out.add(new Derived.AreaChanges(owner, owned)));
        return out;
    }

    /** The updates grouped by the province that owns their areas: one record per province, almost always one. */
    private static Map<String, List<AreaUpdate>> byOwner(List<AreaUpdate> updates) {
        Map<String, List<AreaUpdate>> owned = new LinkedHashMap<>();
        updates.forEach(update -> owned.computeIfAbsent(update.area().owner(), owner -> new ArrayList<>(4))
                .add(update));
        return owned;
    }

    private Optional<Scored> latestOf(String orgCode, int fiscalYear) {
        return Optional.ofNullable(valueOf(latest.get(Topics.orgYearKey(orgCode, fiscalYear))))
                .filter(s -> methodologies.forYear(fiscalYear).isPresent())
                .map(s -> Scored.of(s, methodologies));
    }

    private static ScoreSubmission valueOf(Decoded<ScoreSubmission> stored) {
        return stored == null ? null : stored.value();
    }

    /** What an organization-year counts as in its areas: its latest revision, with the previous year as it is. */
    private record Contribution(Scored latest, Optional<Scored> previousYear) {

        Map<Area, MemberSummary> byArea() {
            MemberSummary summary = MemberSummary.of(latest, previousYear);
            Map<Area, MemberSummary> areas = new LinkedHashMap<>();
            Area.of(latest.submission()).forEach(area -> areas.put(area, summary));
            return areas;
        }
    }

    /**
     * The updates that turn the contribution {@code before} (empty: the organization-year was not counted yet) into
     * {@code after} in every area either counts in: a revision that moves the organization or changes its type
     * leaves the old areas and joins the new ones.
     */
    private static List<AreaUpdate> areaUpdates(Optional<Contribution> before, Contribution after) {
        Map<Area, MemberSummary> old = before.map(Contribution::byArea).orElse(Map.of());
        Map<Area, MemberSummary> now = after.byArea();
        Set<Area> areas = new LinkedHashSet<>(old.keySet());
        areas.addAll(now.keySet());
        List<AreaUpdate> updates = new ArrayList<>(areas.size());
        for (Area area : areas) {
            updates.add(new AreaUpdate(area, after.latest().orgCode(), old.get(area), now.get(area)));
        }
        return updates;
    }
}
