package org.itapipe.reports.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.itapipe.schemas.avro.OrganizationType;

/**
 * Everything ClickHouse holds about one organization's latest submission of one fiscal year that its analysis
 * report shows: read once, then turned into the report by {@link AnalysisReportBuilder}. Every figure is the one the
 * pipeline computed (totals, levels and points recoverable are owned by streams and the sink), never recomputed here.
 *
 * @param items          the item scores the submission states (may be empty: a year or source without items)
 * @param provinceTotals the latest totals of every organization of the province that year, for the distribution
 */
public record OrganizationFacts(String code, String nameTh, OrganizationType type, String districtCode,
                                String provinceCode, int fiscalYear, BigDecimal total, String levelCode,
                                String levelTh, boolean passing, SortedMap<Integer, BigDecimal> indicators,
                                SortedMap<String, BigDecimal> items, List<IndicatorGap> gaps, List<FlagNote> flags,
                                Ranks ranks, List<BigDecimal> provinceTotals, Optional<PreviousYear> previousYear) {

    /** One indicator's weight in the total and the points raising it to 100 would add (v_indicator_gaps). */
    public record IndicatorGap(int indicator, BigDecimal weightInTotal, BigDecimal pointsRecoverable) {
    }

    /** An inconsistency found in the submitted data: shown, never hidden. */
    public record FlagNote(String field, String rule, String message) {
    }

    /** A rank among {@code of} organizations. */
    public record Rank(int rank, int of) {
    }

    /** Ranks in the district (empty for a provincial organization), the province, and among its type. */
    public record Ranks(Optional<Rank> district, Rank province, Rank typeInProvince, Rank typeNational) {
    }

    /** The organization's latest submission of the year before. */
    public record PreviousYear(int fiscalYear, BigDecimal total, String levelCode, String levelTh,
                               SortedMap<Integer, BigDecimal> indicators) {
    }
}
