package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running sums of a set of organizations in one area and fiscal year: count, sum and sum of squares of the totals,
 * indicator sums, counts per level, passing, OIT alerts, year-over-year changes, and the sorted totals for median,
 * minimum and maximum. Sums of disjoint sets add up ({@link #plus}) and a subset's come off again ({@link #minus}),
 * which is what lets an area be summed from the areas below it (a province from its province-type areas) instead
 * of from every member. Every score has two decimals, so sums are kept exactly as whole cents (a sum of squares as
 * cents squared) in longs: exact, and cheap to store.
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

    /** The sums of one organization. */
    public static AreaStats of(MemberSummary member) {
        long total = member.totalCents();
        boolean hasChange = member.totalChangeCents() != null;
        return new AreaStats(1, total, total * total, member.indicatorCents(), Map.of(member.level(), 1),
                member.passing() ? 1 : 0, member.oitAlert() ? 1 : 0, hasChange ? 1 : 0,
                hasChange ? member.totalChangeCents() : 0, new int[] {(int) total});
    }

    /** Replaces the organization's previous contribution by its new one. */
    public AreaStats apply(AreaUpdate update) {
        AreaStats next = this;
        if (update.previous() != null) {
            next = next.minus(of(update.previous()));
        }
        if (update.member() != null) {
            next = next.plus(of(update.member()));
        }
        return next;
    }

    /** The sums of these members and of {@code others}, a disjoint set. */
    public AreaStats plus(AreaStats others) {
        return combine(others, 1, SortedTotals.merged(sortedTotalCents, others.sortedTotalCents));
    }

    /** The sums without {@code some}, a subset of these members. */
    public AreaStats minus(AreaStats some) {
        return combine(some, -1, SortedTotals.without(sortedTotalCents, some.sortedTotalCents));
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

    private AreaStats combine(AreaStats other, int sign, int[] totals) {
        Map<Integer, Long> indicators = new TreeMap<>(indicatorSumCents);
        other.indicatorSumCents.forEach((number, cents) -> indicators.merge(number, sign * cents, Long::sum));
        Map<String, Integer> levels = new TreeMap<>(levelCounts);
        other.levelCounts.forEach((level, n) -> levels.merge(level, sign * n, Integer::sum));
        levels.values().removeIf(value -> value == 0);
        return new AreaStats(count + sign * other.count, sumTotalCents + sign * other.sumTotalCents,
                sumSquaresCents2 + sign * other.sumSquaresCents2, indicators, levels,
                passing + sign * other.passing, withOitAlert + sign * other.withOitAlert,
                changes + sign * other.changes, sumChangeCents + sign * other.sumChangeCents, totals);
    }
}
