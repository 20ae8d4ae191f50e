package org.itapipe.streams.derive;

import org.itapipe.schemas.methodology.SubmissionScores;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.topics.Topics;

/**
 * OIT alerts as a state machine per (organization, fiscal year, item):
 * <pre>
 *   (none) --score <= threshold--> OPEN --a revision lifts it above--> RESOLVED --falls again--> OPEN
 *                                   OPEN --a revision no longer states the item--> WITHDRAWN --stated low again--> OPEN
 * </pre>
 * The states of an organization-year's items are one stored value ({@link AlertStates}). A transition is emitted
 * only when the state changes, so an alert is never OPEN twice, and the open alerts are always those a recomputation
 * from the latest revision alone finds. The previous score is the previous revision's, else the previous fiscal
 * year's (through the year's explicit item mapping), else none; the alert "fell" when that previous score was above
 * the threshold.
 */
public final class AlertTracker {

    /** An alert that changed state, keyed {@code <orgCode>/<fiscalYear>/<itemCode>}. */
    public record Transition(String key, OitAlert alert) {
    }

    private AlertTracker() {
    }

    public static List<Transition> transitions(Scored current, Optional<Scored> previousRevision,
                                               Optional<Scored> previousYear,
                                               AlertStates states, Instant now) {
        BigDecimal threshold = current.methodology().alerts().oitItemThreshold();
        List<Transition> transitions = new ArrayList<>();
        for (ItemScore item : current.submission().getItems()) {
            if (!current.methodology().isOitItem(item.getCode())) {
                continue;
            }
            boolean atOrBelow = item.getScore().compareTo(threshold) <= 0;
            Optional<AlertState> state = states.of(item.getCode());
            boolean open = state.filter(AlertState.OPEN::equals).isPresent();
            if (atOrBelow == open) {
                continue;
            }
            if (!atOrBelow && state.isEmpty()) {
                continue;
            }
            Previous previous = previous(item.getCode(), current, previousRevision, previousYear);
            transitions.add(new Transition(Topics.alertKey(current.orgCode(), current.fiscalYear(), item.getCode()),
                    alert(current, item.getCode(), atOrBelow ? AlertState.OPEN : AlertState.RESOLVED,
                            item.getScore(), previous, now)));
        }
        withdrawn(current, previousRevision, states, now).forEach(transitions::add);
        return transitions;
    }

    /** The OPEN alerts on items the previous revision stated and the current one does not: nothing holds them open. */
    private static List<Transition> withdrawn(Scored current, Optional<Scored> previousRevision,
                                              AlertStates states, Instant now) {
        if (previousRevision.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> stated = SubmissionScores.items(current.submission());
        List<Transition> transitions = new ArrayList<>();
        SubmissionScores.items(previousRevision.get().submission()).forEach((code, lastScore) -> {
            if (stated.containsKey(code) || states.of(code).filter(AlertState.OPEN::equals).isEmpty()) {
                return;
            }
            String key = Topics.alertKey(current.orgCode(), current.fiscalYear(), code);
            transitions.add(new Transition(key, alert(current, code, AlertState.WITHDRAWN, lastScore,
                    new Previous(lastScore, PreviousScoreSource.PREVIOUS_REVISION), now)));
        });
        return transitions;
    }

    private static OitAlert alert(Scored current, String code, AlertState state, BigDecimal score, Previous previous,
                                  Instant now) {
        BigDecimal threshold = current.methodology().alerts().oitItemThreshold();
        return OitAlert.newBuilder()
                .setState(state)
                .setOrgCode(current.orgCode())
                .setOrgNameTh(current.submission().getOrgNameTh())
                .setDistrictCode(current.submission().getDistrictCode())
                .setProvinceCode(current.submission().getProvinceCode())
                .setFiscalYear(current.fiscalYear())
                .setRevision(current.submission().getRevision())
                .setItemCode(code)
                .setIndicator(current.methodology().indicatorOfItem(code).orElseThrow().number())
                .setScore(score)
                .setThreshold(threshold)
                .setPreviousScore(previous.score())
                .setPreviousScoreFrom(previous.source())
                .setFell(previous.score() != null && previous.score().compareTo(threshold) > 0)
                .setChangedAt(now)
                .build();
    }

    private record Previous(BigDecimal score, PreviousScoreSource source) {
    }

    private static Previous previous(String code, Scored current, Optional<Scored> previousRevision,
                                     Optional<Scored> previousYear) {
        Optional<BigDecimal> fromRevision = previousRevision.map(p -> SubmissionScores.items(p.submission()).get(code));
        if (fromRevision.isPresent()) {
            return new Previous(fromRevision.get(), PreviousScoreSource.PREVIOUS_REVISION);
        }
        Optional<BigDecimal> fromYear = previousYear.flatMap(p -> current.methodology().previousYearItemMapping()
                .entrySet().stream().filter(entry -> entry.getValue().equals(code)).map(Map.Entry::getKey)
                .findFirst().map(previousCode -> SubmissionScores.items(p.submission()).get(previousCode)));
        return fromYear.map(score -> new Previous(score, PreviousScoreSource.PREVIOUS_FISCAL_YEAR))
                .orElse(new Previous(null, PreviousScoreSource.NONE));
    }
}
