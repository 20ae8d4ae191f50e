package org.itapipe.streams.rollup;

/**
 * An area's sums now ({@code after}) and as it last emitted them ({@code before}). The national sums take in a
 * province-type area's change as "the old come off, the new go on", so {@code before} is kept for those areas only
 * (empty the first time); for the others it is null.
 */
public record SumsChange(AreaStats before, AreaStats after) {

    /** {@code sum}, a sum that holds {@code before}, with {@code after} in its place. */
    public AreaStats appliedTo(AreaStats sum) {
        return sum.minus(before).plus(after);
    }
}
