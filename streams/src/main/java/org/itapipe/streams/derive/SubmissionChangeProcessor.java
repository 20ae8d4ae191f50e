package org.itapipe.streams.derive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.Topics;
import org.itapipe.streams.rollup.AreaUpdate;
import org.itapipe.streams.rollup.MemberSummary;

/**
 * The heart of the topology, per organization (all years of an organization share a partition):
 * <ol>
 *   <li>keeps the latest revision per organization and year; an older or equal revision arriving late is ignored and
 *       counted ({@code late-revisions});</li>
 *   <li>for a new latest revision emits its gaps, its year-over-year change against the previous year and the next
 *       year's change against it (whichever year arrived first), its alert transitions, and its contribution to its
 *       district and province (and to the next year's, whose change of total moved).</li>
 * </ol>
 */
public final class SubmissionChangeProcessor implements Processor<String, ScoreSubmission, String, Derived> {

    public static final String LATEST_STORE = "latest-submissions";
    public static final String ALERT_STORE = "alert-states";

    private final MethodologyCatalog methodologies;
    private ProcessorContext<String, Derived> context;
    private KeyValueStore<String, ScoreSubmission> latest;
    private KeyValueStore<String, String> alerts;
    private Sensor lateRevisions;

    public SubmissionChangeProcessor(MethodologyCatalog methodologies) {
        this.methodologies = methodologies;
    }

    @Override
    public void init(ProcessorContext<String, Derived> context) {
        this.context = context;
        this.latest = context.getStateStore(LATEST_STORE);
        this.alerts = context.getStateStore(ALERT_STORE);
        this.lateRevisions = context.metrics().addRateTotalSensor("itapipe", "submissions", "late-revisions",
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, ScoreSubmission> record) {
        ScoreSubmission submission = record.value();
        if (submission == null) {
            return;
        }
        String key = Topics.orgYearKey(submission.getOrgCode(), submission.getFiscalYear());
        ScoreSubmission previous = latest.get(key);
        if (previous != null && previous.getRevision() >= submission.getRevision()) {
            lateRevisions.record();
            return;
        }
        List<Derived> derived;
        try {
            derived = derive(key, submission, previous);
        } catch (RuntimeException e) {
            context.forward(record.withKey(key).withValue(new Derived.Failed(key, submission, e)));
            return;
        }
        latest.put(key, submission);
        derived.forEach(out -> {
            if (out instanceof Derived.Alert alert) {
                alerts.put(alert.key(), alert.alert().getState().name());
            }
            context.forward(record.withKey(key).withValue(out));
        });
    }

    private List<Derived> derive(String key, ScoreSubmission submission, ScoreSubmission previous) {
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
        AlertTracker.transitions(current, previousRevision, previousYear,
                        alertKey -> Optional.ofNullable(alerts.get(alertKey)).map(AlertState::valueOf),
                        Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .forEach(transition -> out.add(new Derived.Alert(transition.key(), transition.alert())));
        // Each organization-year counts in its areas as MemberSummary.of(its latest, the latest of the year before);
        // both can change here, so the update names what it replaces (invariant 3 in docs/streams.md).
        areaUpdates(previousRevision, current, previousYear, previousYear).forEach(out::add);
        nextYear.ifPresent(after -> areaUpdates(Optional.of(after), after, previousRevision, Optional.of(current))
                .forEach(out::add));
        return out;
    }

    private Optional<Scored> latestOf(String orgCode, int fiscalYear) {
        return Optional.ofNullable(latest.get(Topics.orgYearKey(orgCode, fiscalYear)))
                .filter(s -> methodologies.forYear(fiscalYear).isPresent())
                .map(s -> Scored.of(s, methodologies));
    }

    /**
     * The organization-year's contribution to its district and province changes from {@code before} (its latest
     * revision with the previous year as it was; empty when it had none) to {@code after} (with the previous year as
     * it is now). A revision that moved the organization leaves its old areas and joins the new ones.
     */
    private static List<Derived> areaUpdates(Optional<Scored> before, Scored after, Optional<Scored> previousYearBefore,
                                             Optional<Scored> previousYearAfter) {
        MemberSummary old = before.map(scored -> MemberSummary.of(scored, previousYearBefore)).orElse(null);
        MemberSummary now = MemberSummary.of(after, previousYearAfter);
        List<Derived> updates = new ArrayList<>();
        for (AreaLevel level : List.of(AreaLevel.DISTRICT, AreaLevel.PROVINCE)) {
            String area = areaCode(after, level);
            String oldArea = before.map(scored -> areaCode(scored, level)).orElse(area);
            if (!oldArea.equals(area)) {
                updates.add(update(level, after, oldArea, old, null));
                updates.add(update(level, after, area, null, now));
            } else {
                updates.add(update(level, after, area, old, now));
            }
        }
        return updates;
    }

    private static Derived update(AreaLevel level, Scored scored, String area, MemberSummary previous,
                                  MemberSummary member) {
        return new Derived.Area(new AreaUpdate(level, scored.fiscalYear(), area, scored.orgCode(), previous, member));
    }

    private static String areaCode(Scored scored, AreaLevel level) {
        return level == AreaLevel.DISTRICT ? scored.submission().getDistrictCode()
                : scored.submission().getProvinceCode();
    }
}
