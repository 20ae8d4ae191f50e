package org.itapipe.streams.rollup;

import org.itapipe.schemas.avro.AreaLevel;

/**
 * One organization's contribution to one area (district or province) in one fiscal year changed: {@code member} is
 * its new summary, or null when it left the area. Keyed by {@link #areaKey()} so that one task owns each area.
 */
public record AreaUpdate(AreaLevel level, int fiscalYear, String areaCode, String orgCode, MemberSummary member) {

    /** {@code D/2568/1908} or {@code P/2568/19}: level, year and code, so districts and provinces never collide. */
    public String areaKey() {
        return (level == AreaLevel.DISTRICT ? "D/" : "P/") + fiscalYear + "/" + areaCode;
    }
}
