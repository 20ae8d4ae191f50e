package org.itapipe.streams.derive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;

/**
 * The state of every OIT item of one organization and fiscal year that ever had an alert, stored as one value: a
 * submission reads it once and writes it once when an alert changed, instead of once per item (33 items in FY 2568).
 */
public record AlertStates(Map<String, AlertState> byItem) {

    public static final AlertStates NONE = new AlertStates(Map.of());

    public AlertStates {
        byItem = new TreeMap<>(byItem);
    }

    public Optional<AlertState> of(String itemCode) {
        return Optional.ofNullable(byItem.get(itemCode));
    }

    /** These states with the transitions applied. */
    public AlertStates after(List<OitAlert> transitions) {
        Map<String, AlertState> next = new TreeMap<>(byItem);
        transitions.forEach(alert -> next.put(alert.getItemCode(), alert.getState()));
        return new AlertStates(next);
    }
}
