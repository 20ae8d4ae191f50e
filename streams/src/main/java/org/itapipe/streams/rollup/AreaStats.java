package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running sums of one area in one fiscal year, kept so that one member's change costs O(log n) plus a copy of n ints,
 * not a pass over every member: count, sum and sum of squares of the totals, indicator sums, counts per level,
 * passing, OIT alerts, year-over-year changes, and the sorted totals for median, minimum and maximum. Every score
 * has two decimals, so sums are kept exactly as whole cents (a sum of squares as cents squared) in longs: exact, and
 * cheap to store, where decimals in JSON cost a parse per number. {@link #remove} undoes exactly what {@link #add}
 * did.
 */
public record AreaStats(int count, long sumTotalCents, long sumSquaresCents2, Map<Integer, Long> indicatorSumCents,
                        Map<String, Integer> levelCounts, int passing, int withOitAlert, int changes,
                        long sumChangeCents, int[] sortedTotalCents) {

    public AreaStats {
        indicatorSumCents = new TreeMap<>(indicatorSumCents);
        levelCounts = new TreeMap<>(levelCounts);
    }

    public static AreaStats empty() {
        return new AreaStats(0, 0, 0, Map.of(), Map.of(), 0, 0, 0, 0, new int[0]);
    }

    /** Replaces the organization's previous contribution by its new one. */
    public AreaStats apply(AreaUpdate update) {
        AreaStats next = this;
        if (update.previous() != null) {
            next = next.remove(update.previous());
        }
        if (update.member() != null) {
            next = next.add(update.member());
        }
        return next;
    }

    public AreaStats add(MemberSummary member) {
        return change(member, 1);
    }

    public AreaStats remove(MemberSummary member) {
        return change(member, -1);
    }

    public BigDecimal sumTotal() {
        return BigDecimal.valueOf(sumTotalCents, 2);
    }

    public BigDecimal sumSquares() {
        return BigDecimal.valueOf(sumSquaresCents2, 4);
    }

    public BigDecimal sumChange() {
        return BigDecimal.valueOf(sumChangeCents, 2);
    }

    public BigDecimal indicatorSum(int number) {
        return BigDecimal.valueOf(indicatorSumCents.get(number), 2);
    }

    /** The i-th smallest total. */
    public BigDecimal sortedTotal(int i) {
        return BigDecimal.valueOf(sortedTotalCents[i], 2);
    }

    private AreaStats change(MemberSummary member, int sign) {
        Map<Integer, Long> indicators = new TreeMap<>(indicatorSumCents);
        member.indicatorCents().forEach((number, cents) -> indicators.merge(number, sign * cents, Long::sum));
        Map<String, Integer> levels = new TreeMap<>(levelCounts);
        levels.merge(member.level(), sign, Integer::sum);
        levels.values().removeIf(value -> value == 0);
        long total = member.totalCents();
        boolean hasChange = member.totalChangeCents() != null;
        return new AreaStats(count + sign, sumTotalCents + sign * total, sumSquaresCents2 + sign * total * total,
                indicators, levels, passing + (member.passing() ? sign : 0),
                withOitAlert + (member.oitAlert() ? sign : 0), changes + (hasChange ? sign : 0),
                sumChangeCents + (hasChange ? sign * member.totalChangeCents() : 0),
                sign > 0 ? inserted((int) total) : removed((int) total));
    }

    private int[] inserted(int total) {
        int at = Arrays.binarySearch(sortedTotalCents, total);
        int index = at >= 0 ? at : -at - 1;
        int[] totals = new int[sortedTotalCents.length + 1];
        System.arraycopy(sortedTotalCents, 0, totals, 0, index);
        totals[index] = total;
        System.arraycopy(sortedTotalCents, index, totals, index + 1, sortedTotalCents.length - index);
        return totals;
    }

    private int[] removed(int total) {
        int index = Arrays.binarySearch(sortedTotalCents, total);
        if (index < 0) {
            throw new IllegalStateException("removing a total " + BigDecimal.valueOf(total, 2)
                    + " the area never had");
        }
        int[] totals = new int[sortedTotalCents.length - 1];
        System.arraycopy(sortedTotalCents, 0, totals, 0, index);
        System.arraycopy(sortedTotalCents, index + 1, totals, index, totals.length - index);
        return totals;
    }
}
