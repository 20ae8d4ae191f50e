package org.itapipe.streams.rollup;

import org.itapipe.schemas.avro.AreaLevel;

/**
 * One organization's contribution to one area (district or province) in one fiscal year changed from
 * {@code previous} (null: it was not counted there) to {@code member} (null: it leaves). Carrying the previous
 * contribution lets the area's running sums be updated without a store of every member: the deriving task, which
 * owns the organization, knows exactly what it last sent (docs/streams.md, invariant 3). Keyed by {@link #areaKey()}
 * so that one task owns each area.
 */
public record AreaUpdate(AreaLevel level, int fiscalYear, String areaCode, String orgCode, MemberSummary previous,
                         MemberSummary member) {

    /** {@code D/2568/1908} or {@code P/2568/19}: level, year and code, so districts and provinces never collide. */
    public String areaKey() {
        return (level == AreaLevel.DISTRICT ? "D/" : "P/") + fiscalYear + "/" + areaCode;
    }

    /** The level of an {@link #areaKey()}. */
    public static AreaLevel levelOf(String areaKey) {
        return areaKey.startsWith("D/") ? AreaLevel.DISTRICT : AreaLevel.PROVINCE;
    }

    /** The fiscal year of an {@link #areaKey()}. */
    public static int fiscalYearOf(String areaKey) {
        return Integer.parseInt(areaKey.substring(2, areaKey.indexOf('/', 2)));
    }

    /** The area code of an {@link #areaKey()}. */
    public static String areaCodeOf(String areaKey) {
        return areaKey.substring(areaKey.indexOf('/', 2) + 1);
    }
}
