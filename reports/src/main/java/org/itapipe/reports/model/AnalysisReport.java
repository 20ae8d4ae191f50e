package org.itapipe.reports.model;

import java.util.List;

/**
 * One organization's yearly ITA analysis report, every figure formatted for reading: the structure of the report
 * each LAO publishes (the seed), and what the seed lacks. Nullable parts are absent from the page when null.
 *
 * @param tools          the indicator table by tool (IIT 1-5, EIT 6-8, OIT 9-10)
 * @param maintain       indicators at 100 (3.1, to maintain)
 * @param improve        indicators below 100 with their item scores (3.2, to improve)
 * @param oitBelow100    every OIT item below 100, with its name and what to publish
 * @param nextLevel      what raising items to 100 would take to reach the next level band; null at the top band
 * @param previousYear   the year before; null when it is not known
 * @param ranks          ranks in the district (null for a provincial organization), province and type
 */
public record AnalysisReport(Labels labels, String orgCode, String orgNameTh, String typeTh, String districtNameTh,
                             String provinceNameTh, int fiscalYear, String total, String levelTh, boolean passing,
                             List<ToolSection> tools, List<IndicatorLine> maintain, List<Improvement> improve,
                             List<ItemLine> oitBelow100, String recoverableTotal, NextLevel nextLevel,
                             PreviousYearLine previousYear, RankLines ranks, String distributionSvg,
                             String planPeriod, int planFiscalYear, List<PlanRow> plan,
                             List<OrganizationFacts.FlagNote> flags) {

    public boolean hasFlags() {
        return !flags.isEmpty();
    }

    public boolean hasOitBelow100() {
        return !oitBelow100.isEmpty();
    }

    /** The indicators of one tool. */
    public record ToolSection(String code, String nameTh, String weight, List<IndicatorLine> indicators) {
    }

    /**
     * One indicator: its score, the items the report names for it, the points raising it to 100 would add, and the
     * previous year's score and the change (null when unknown).
     */
    public record IndicatorLine(int number, String nameTh, String score, String itemsText, String recoverable,
                                String previousScore, String delta) {
    }

    /** An indicator to improve, with its item scores below 100. */
    public record Improvement(IndicatorLine indicator, List<ItemLine> items) {
    }

    /** One item: code, name (or a note that no public source names it), score, suggested action, points it adds. */
    public record ItemLine(String code, String nameTh, String score, String action, String gain) {
    }

    /** The next level band and the items (or whole indicators) that, raised to 100, reach it; largest gain first. */
    public record NextLevel(String levelTh, String minScore, String gap, List<ItemLine> steps, String reachedTotal) {
    }

    public record PreviousYearLine(int fiscalYear, String total, String levelTh, String delta) {
    }

    public record RankLines(String district, String province, String typeInProvince, String typeNational) {
    }

    /** A row of the draft improvement plan for the next fiscal year. */
    public record PlanRow(String what, String score, String action, String period, String responsible) {
    }
}
