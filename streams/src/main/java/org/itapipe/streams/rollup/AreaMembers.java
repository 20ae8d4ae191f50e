package org.itapipe.streams.rollup;

import java.util.Map;
import java.util.TreeMap;

/** The current members of one area in one fiscal year, by organization code: the state a rollup is computed from. */
public record AreaMembers(Map<String, MemberSummary> members) {

    public AreaMembers {
        members = new TreeMap<>(members);
    }

    public static AreaMembers empty() {
        return new AreaMembers(Map.of());
    }

    /** The members after an update: the organization's entry replaced, or removed when it left. */
    public AreaMembers apply(AreaUpdate update) {
        Map<String, MemberSummary> next = new TreeMap<>(members);
        if (update.member() == null) {
            next.remove(update.orgCode());
        } else {
            next.put(update.orgCode(), update.member());
        }
        return new AreaMembers(next);
    }
}
