package org.itapipe.streams.rollup;

/**
 * One organization's contribution to one area in one fiscal year changed from {@code previous} (null: it was not
 * counted there) to {@code member} (null: it leaves). Carrying the previous contribution lets the area's running sums
 * be updated without a store of every member: the deriving task, which owns the organization, knows exactly what it
 * last sent (docs/streams.md, invariant 3). Keyed by {@link Area#key()} so that one task owns each area.
 */
public record AreaUpdate(Area area, String orgCode, MemberSummary previous, MemberSummary member) {
}
