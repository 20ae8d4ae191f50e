package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itapipe.streams.derive.Scored;

/**
 * What one organization contributes to the rollups of its district and province in one fiscal year: its latest
 * total, level and indicator scores, whether any OIT item is at or below the alert threshold, and its change of total
 * against the previous fiscal year (null when that year is unknown). Every score has two decimals, so amounts are
 * carried exactly as whole cents: two of these travel in every area update, and integers are cheap to write and read
 * as JSON where decimals cost a parse each.
 */
public record MemberSummary(long totalCents, String level, boolean passing, Map<Integer, Long> indicatorCents,
                            boolean oitAlert, Long totalChangeCents) {

    public MemberSummary {
        indicatorCents = new TreeMap<>(indicatorCents);
    }

    public static MemberSummary of(Scored scored, Optional<Scored> previousYear) {
        BigDecimal threshold = scored.methodology().alerts().oitItemThreshold();
        boolean oitAlert = scored.submission().getItems().stream()
                .anyMatch(item -> scored.methodology().isOitItem(item.getCode())
                        && item.getScore().compareTo(threshold) <= 0);
        Map<Integer, Long> indicators = new TreeMap<>();
        scored.card().indicatorScores().forEach((number, score) -> indicators.put(number, cents(score)));
        BigDecimal total = scored.card().total();
        return new MemberSummary(cents(total), scored.card().level().code(),
                total.compareTo(scored.methodology().passLine()) >= 0, indicators, oitAlert,
                previousYear.map(previous -> cents(total.subtract(previous.card().total()))).orElse(null));
    }

    /** A score of at most two decimals (as the methodology rounds every score) as whole cents, exactly. */
    private static long cents(BigDecimal score) {
        return score.movePointRight(2).longValueExact();
    }
}
