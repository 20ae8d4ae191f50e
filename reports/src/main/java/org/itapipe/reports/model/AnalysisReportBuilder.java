package org.itapipe.reports.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itapipe.reports.model.AnalysisReport.Improvement;
import org.itapipe.reports.model.AnalysisReport.IndicatorLine;
import org.itapipe.reports.model.AnalysisReport.ItemLine;
import org.itapipe.reports.model.AnalysisReport.NextLevel;
import org.itapipe.reports.model.AnalysisReport.PlanRow;
import org.itapipe.reports.model.AnalysisReport.ToolSection;
import org.itapipe.reports.model.OrganizationFacts.IndicatorGap;
import org.itapipe.reports.model.OrganizationFacts.Rank;
import org.itapipe.reports.render.Charts;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.LevelBand;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.itapipe.schemas.methodology.Tool;
import org.itapipe.schemas.organizations.OrganizationTypes;

/**
 * Turns an organization's facts into its analysis report: the seed's sections (total and level, the indicator table,
 * indicators to maintain and to improve with their items, OIT items below 100) and what the seed lacks (points
 * recoverable, the next level band, the year before, ranks and distribution, a draft plan for the next fiscal year,
 * the data's flags). Figures come from the facts as the pipeline computed them; what is derived here (the steps to
 * the next band) is exact decimal arithmetic, rounded half up to two decimals once.
 */
public final class AnalysisReportBuilder {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Geography geography;
    private final SuggestedActions actions;

    public AnalysisReportBuilder(Geography geography, SuggestedActions actions) {
        this.geography = geography;
        this.actions = actions;
    }

    public AnalysisReport build(OrganizationFacts facts, Methodology methodology, Labels labels) {
        Map<Integer, IndicatorGap> gaps = new HashMap<>();
        facts.gaps().forEach(gap -> gaps.put(gap.indicator(), gap));
        List<ToolSection> tools = new ArrayList<>();
        List<IndicatorLine> maintain = new ArrayList<>();
        List<Improvement> improve = new ArrayList<>();
        for (Tool tool : methodology.tools()) {
            List<IndicatorLine> lines = new ArrayList<>();
            for (Indicator indicator : methodology.indicatorsOf(tool)) {
                IndicatorLine line = line(facts, indicator, gaps.get(indicator.number()));
                lines.add(line);
                if (score(facts, indicator).compareTo(HUNDRED) >= 0) {
                    maintain.add(line);
                } else {
                    improve.add(new Improvement(line, itemsBelow100(facts, methodology, indicator, labels)));
                }
            }
            tools.add(new ToolSection(tool.code(), tool.nameTh(), percent(tool.weight()), lines));
        }
        List<ItemLine> oitBelow100 = methodology.items().stream().filter(item -> methodology.isOitItem(item.code()))
                .filter(item -> below100(facts.items().get(item.code())))
                .map(item -> itemLine(facts, item, labels, null)).toList();
        int planYear = facts.fiscalYear() + 1;
        return new AnalysisReport(labels, facts.code(), facts.nameTh(), typeTh(facts), districtName(facts),
                provinceName(facts), facts.fiscalYear(), format(facts.total()), facts.levelTh(), facts.passing(),
                tools, maintain, improve, oitBelow100, format(HUNDRED.subtract(facts.total())),
                nextLevel(facts, methodology, gaps, labels).orElse(null),
                facts.previousYear().map(previous -> new AnalysisReport.PreviousYearLine(previous.fiscalYear(),
                        format(previous.total()), previous.levelTh(),
                        signed(facts.total().subtract(previous.total())))).orElse(null),
                new AnalysisReport.RankLines(facts.ranks().district().map(AnalysisReportBuilder::rank).orElse(null),
                        rank(facts.ranks().province()), rank(facts.ranks().typeInProvince()),
                        rank(facts.ranks().typeNational())),
                Charts.distribution(facts.provinceTotals(), facts.total(), labels.distributionCaption()),
                planPeriod(planYear), planYear, plan(facts, methodology, labels, planPeriod(planYear)), facts.flags());
    }

    private IndicatorLine line(OrganizationFacts facts, Indicator indicator, IndicatorGap gap) {
        BigDecimal score = score(facts, indicator);
        Optional<BigDecimal> previous = facts.previousYear().map(p -> p.indicators().get(indicator.number()));
        String items = indicator.items().isEmpty() ? "" : "ข้อ " + String.join(", ",
                indicator.items().stream().map(Item::code).toList());
        return new IndicatorLine(indicator.number(), indicator.nameTh(), format(score), items,
                gap == null ? null : format(gap.pointsRecoverable()), previous.map(AnalysisReportBuilder::format)
                .orElse(null), previous.map(p -> signed(score.subtract(p))).orElse(null));
    }

    private List<ItemLine> itemsBelow100(OrganizationFacts facts, Methodology methodology, Indicator indicator,
                                         Labels labels) {
        return indicator.items().stream().filter(item -> below100(facts.items().get(item.code())))
                .map(item -> itemLine(facts, item, labels, null)).toList();
    }

    private ItemLine itemLine(OrganizationFacts facts, Item item, Labels labels, BigDecimal gain) {
        return new ItemLine(item.code(), item.nameTh() == null ? labels.unnamedItem() : item.nameTh(),
                format(facts.items().get(item.code())), actions.forItem(facts.fiscalYear(), item.code()).orElse(null),
                gain == null ? null : format(gain));
    }

    /**
     * The next band above the total, and the steps that reach it: each known item below 100 raised to 100 adds the
     * indicator's weight in the total times its shortfall over the indicator's item count (never more than the
     * indicator's own points recoverable: published item means need not equal the indicator score); an indicator
     * without item scores adds its points recoverable. Largest gain first, until the band's minimum is reached.
     */
    private Optional<NextLevel> nextLevel(OrganizationFacts facts, Methodology methodology,
                                          Map<Integer, IndicatorGap> gaps, Labels labels) {
        Optional<LevelBand> above = methodology.levelAbove(methodology.levelOf(facts.total()));
        if (above.isEmpty() || gaps.isEmpty()) {
            return Optional.empty();
        }
        record Step(String code, String nameTh, BigDecimal score, int indicator, BigDecimal gain) {
        }
        List<Step> candidates = new ArrayList<>();
        for (Indicator indicator : methodology.indicators()) {
            IndicatorGap gap = gaps.get(indicator.number());
            BigDecimal score = score(facts, indicator);
            if (gap == null || !below100(score)) {
                continue;
            }
            boolean itemsKnown = !indicator.items().isEmpty()
                    && indicator.items().stream().allMatch(item -> facts.items().containsKey(item.code()));
            if (itemsKnown) {
                BigDecimal perItem = gap.weightInTotal().divide(BigDecimal.valueOf(indicator.items().size()), 10,
                        RoundingMode.HALF_UP);
                indicator.items().stream().filter(item -> below100(facts.items().get(item.code())))
                        .forEach(item -> candidates.add(new Step(item.code(), item.nameTh() == null
                                ? labels.unnamedItem() : item.nameTh(), facts.items().get(item.code()),
                                indicator.number(), perItem.multiply(HUNDRED.subtract(facts.items().get(item.code()))))));
            } else {
                candidates.add(new Step(labels.indicator() + " " + indicator.number(), indicator.nameTh(), score,
                        indicator.number(), gap.pointsRecoverable()));
            }
        }
        candidates.sort(Comparator.comparing(Step::gain).reversed().thenComparing(Step::code));
        Map<Integer, BigDecimal> left = new HashMap<>();
        gaps.forEach((number, gap) -> left.put(number, gap.pointsRecoverable()));
        BigDecimal reached = facts.total();
        List<ItemLine> steps = new ArrayList<>();
        for (Step step : candidates) {
            if (reached.compareTo(above.get().minScore()) >= 0) {
                break;
            }
            BigDecimal gain = step.gain().min(left.get(step.indicator()));
            if (gain.signum() <= 0) {
                continue;
            }
            left.merge(step.indicator(), gain.negate(), BigDecimal::add);
            reached = reached.add(gain);
            steps.add(new ItemLine(step.code(), step.nameTh(), format(step.score()),
                    actions.forItem(facts.fiscalYear(), step.code()).orElse(null), format(gain)));
        }
        return Optional.of(new NextLevel(above.get().nameTh(), format(above.get().minScore()),
                format(above.get().minScore().subtract(facts.total()).max(BigDecimal.ZERO)), steps,
                format(reached.min(HUNDRED))));
    }

    /** Every OIT item below 100 with what to publish, and every other indicator below 100. */
    private List<PlanRow> plan(OrganizationFacts facts, Methodology methodology, Labels labels, String period) {
        List<PlanRow> rows = new ArrayList<>();
        for (Indicator indicator : methodology.indicators()) {
            BigDecimal score = score(facts, indicator);
            if (!below100(score)) {
                continue;
            }
            List<Item> weakItems = indicator.items().stream().filter(item -> methodology.isOitItem(item.code()))
                    .filter(item -> below100(facts.items().get(item.code()))).toList();
            if (weakItems.isEmpty()) {
                rows.add(new PlanRow(labels.indicator() + " " + indicator.number() + " " + indicator.nameTh(),
                        format(score), toolAction(indicator), period, ""));
            }
            weakItems.forEach(item -> rows.add(new PlanRow(item.code() + " " + (item.nameTh() == null
                    ? labels.unnamedItem() : item.nameTh()), format(facts.items().get(item.code())),
                    actions.forItem(facts.fiscalYear(), item.code()).orElse(""), period, "")));
        }
        return rows;
    }

    private static String toolAction(Indicator indicator) {
        return switch (indicator.tool()) {
            case "IIT" -> "สื่อสารและสร้างความเข้าใจกับบุคลากรภายในเรื่อง" + indicator.nameTh()
                    + " และติดตามผลเป็นรายไตรมาส";
            case "EIT" -> "ทบทวนความเห็นของผู้รับบริการเรื่อง" + indicator.nameTh()
                    + " และปรับปรุงการให้บริการตามผลที่พบ";
            default -> "ตรวจสอบข้อมูลที่เปิดเผยตามหลักเกณฑ์ของ" + indicator.nameTh() + " ให้ครบถ้วน";
        };
    }

    /** The next fiscal year runs 1 October to 30 September, written in the Buddhist Era. */
    static String planPeriod(int planYear) {
        return "1 ต.ค. " + (planYear - 1) + " – 30 ก.ย. " + planYear;
    }

    private static BigDecimal score(OrganizationFacts facts, Indicator indicator) {
        return facts.indicators().getOrDefault(indicator.number(), BigDecimal.ZERO);
    }

    private static boolean below100(BigDecimal score) {
        return score != null && score.compareTo(HUNDRED) < 0;
    }

    private String typeTh(OrganizationFacts facts) {
        return OrganizationTypes.of(facts.type()).nameTh();
    }

    private String districtName(OrganizationFacts facts) {
        return geography.district(facts.districtCode()).map(District::nameTh).orElse(facts.districtCode());
    }

    private String provinceName(OrganizationFacts facts) {
        return geography.province(facts.provinceCode()).map(Province::nameTh).orElse(facts.provinceCode());
    }

    private static String rank(Rank rank) {
        return rank.rank() + " / " + rank.of();
    }

    /** Half up to two decimals, the pipeline's one rounding rule. */
    public static String format(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String signed(BigDecimal value) {
        String text = format(value);
        return value.signum() > 0 ? "+" + text : text;
    }

    private static String percent(BigDecimal weight) {
        return weight.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
