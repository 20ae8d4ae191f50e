package org.itapipe.streams.rollup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.itapipe.streams.derive.Scored;

/**
 * What one organization contributes to the rollups of its district and province in one fiscal year: its latest
 * total, level and indicator scores, whether any OIT item is at or below the alert threshold, and its change of total
 * against the previous fiscal year (null when that year is unknown).
 */
public record MemberSummary(String orgCode, String districtCode, String provinceCode, int fiscalYear,
                            BigDecimal total, String level, boolean passing, Map<Integer, BigDecimal> indicators,
                            boolean oitAlert, BigDecimal totalChange) {

    public MemberSummary {
        indicators = new TreeMap<>(indicators);
    }

    public static MemberSummary of(Scored scored, Optional<Scored> previousYear) {
        BigDecimal threshold = scored.methodology().alerts().oitItemThreshold();
        boolean oitAlert = scored.submission().getItems().stream()
                .anyMatch(item -> scored.methodology().isOitItem(item.getCode())
                        && item.getScore().compareTo(threshold) <= 0);
        return new MemberSummary(scored.orgCode(), scored.submission().getDistrictCode(),
                scored.submission().getProvinceCode(), scored.fiscalYear(), scored.card().total(),
                scored.card().level().code(), scored.card().total().compareTo(scored.methodology().passLine()) >= 0,
                scored.card().indicatorScores(), oitAlert,
                previousYear.map(previous -> scored.card().total().subtract(previous.card().total())).orElse(null));
    }
}
