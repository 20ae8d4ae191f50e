package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running sums of one area in one fiscal year, kept so that one member's change costs O(log n), not a pass over
 * every member: count, sum and sum of squares of the totals (exact decimals, so mean and standard deviation are
 * exact), indicator sums, counts per level, passing, OIT alerts, year-over-year changes, and the sorted totals for
 * median, minimum and maximum. {@link #remove} undoes exactly what {@link #add} did.
 */
public record AreaStats(int count, BigDecimal sumTotal, BigDecimal sumSquares, Map<Integer, BigDecimal> indicatorSums,
                        Map<String, Integer> levelCounts, int passing, int withOitAlert, int changes,
                        BigDecimal sumChange, List<BigDecimal> sortedTotals) {

    public AreaStats {
        indicatorSums = new TreeMap<>(indicatorSums);
        levelCounts = new TreeMap<>(levelCounts);
        sortedTotals = new ArrayList<>(sortedTotals);
    }

    public static AreaStats empty() {
        return new AreaStats(0, BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), Map.of(), 0, 0, 0, BigDecimal.ZERO,
                List.of());
    }

    /** Replaces the organization's previous contribution by its new one. */
    public AreaStats apply(AreaUpdate update) {
        AreaStats next = this;
        if (update.previous() != null) {
            next = next.remove(update.previous().normalized());
        }
        if (update.member() != null) {
            next = next.add(update.member().normalized());
        }
        return next;
    }

    public AreaStats add(MemberSummary member) {
        return change(member, 1);
    }

    public AreaStats remove(MemberSummary member) {
        return change(member, -1);
    }

    private AreaStats change(MemberSummary member, int sign) {
        BigDecimal factor = BigDecimal.valueOf(sign);
        Map<Integer, BigDecimal> indicators = new TreeMap<>(indicatorSums);
        member.indicators().forEach((number, score) -> indicators.merge(number, score.multiply(factor), BigDecimal::add));
        Map<String, Integer> levels = new TreeMap<>(levelCounts);
        levels.merge(member.level(), sign, Integer::sum);
        levels.values().removeIf(value -> value == 0);
        List<BigDecimal> totals = new ArrayList<>(sortedTotals);
        int at = Collections.binarySearch(totals, member.total());
        if (sign > 0) {
            totals.add(at >= 0 ? at : -at - 1, member.total());
        } else if (at >= 0) {
            totals.remove(at);
        } else {
            throw new IllegalStateException("removing a total " + member.total() + " the area never had");
        }
        boolean hasChange = member.totalChange() != null;
        return new AreaStats(count + sign, sumTotal.add(member.total().multiply(factor)),
                sumSquares.add(member.total().multiply(member.total()).multiply(factor)), indicators, levels,
                passing + (member.passing() ? sign : 0), withOitAlert + (member.oitAlert() ? sign : 0),
                changes + (hasChange ? sign : 0),
                hasChange ? sumChange.add(member.totalChange().multiply(factor)) : sumChange, totals);
    }
}
