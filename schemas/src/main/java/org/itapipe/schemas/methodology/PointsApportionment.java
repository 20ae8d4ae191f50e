package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rounds exact shares to cents so that they add up to a given total: the largest-remainder method. Each share is
 * first rounded down; the cents still missing go, one each, to the shares that lost most in rounding (ties: the
 * lower indicator number first).
 *
 * <p>Why: rounding each share on its own does not preserve the sum. For the seed report, the three EIT indicators
 * can each add 0.067 points: rounded alone 0.07 + 0.07 + 0.07 + 3.50 + 2.00 = 5.71, but 100 - 94.30 = 5.70.
 * Apportioned: 0.07 + 0.07 + 0.06 + 3.50 + 2.00 = 5.70.
 */
final class PointsApportionment {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private PointsApportionment() {
    }

    static Map<Integer, BigDecimal> toCents(Map<Integer, BigDecimal> exactShares, BigDecimal target) {
        Map<Integer, BigDecimal> result = new TreeMap<>();
        exactShares.forEach((key, share) -> result.put(key, share.setScale(2, RoundingMode.FLOOR)));
        BigDecimal floored = result.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int missingCents = target.subtract(floored).divide(CENT).intValueExact();
        List<Integer> byRemainder = exactShares.keySet().stream()
                .sorted(Comparator.comparing((Integer key) -> exactShares.get(key).subtract(result.get(key)))
                        .reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        if (missingCents < 0 || missingCents > byRemainder.size()) {
            throw new IllegalArgumentException("cannot apportion " + exactShares + " to " + target);
        }
        for (int i = 0; i < missingCents; i++) {
            result.merge(byRemainder.get(i), CENT, BigDecimal::add);
        }
        return result;
    }
}
