package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one fiscal year is scored: tools and their weights, the ten indicators, the item catalogue, level bands and
 * alert thresholds. Loaded from {@code ita-<year>.json} by {@link MethodologyCatalog}; data, not code.
 *
 * @param previousYearItemMapping item code of the previous year -> item code of this year, for the item-level
 *                                year-over-year comparisons; only items listed here are compared
 */
public record Methodology(int fiscalYear, String about, List<Tool> tools, List<Indicator> indicators,
                          ItemCatalogue itemCatalogue, List<LevelBand> levels, Alerts alerts,
                          Map<String, String> previousYearItemMapping) {

    /** Exact enough for any quotient of weights; results are rounded to two decimals only at the end. */
    static final MathContext PRECISION = MathContext.DECIMAL64;

    public Methodology {
        tools = List.copyOf(tools);
        indicators = indicators.stream().sorted(Comparator.comparingInt(Indicator::number)).toList();
        levels = levels.stream().sorted(Comparator.comparing(LevelBand::minScore).reversed()).toList();
        previousYearItemMapping = previousYearItemMapping == null ? Map.of() : Map.copyOf(previousYearItemMapping);
    }

    public Indicator indicator(int number) {
        return indicators.stream().filter(indicator -> indicator.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FY " + fiscalYear + " has no indicator " + number));
    }

    public Tool tool(String code) {
        return tools.stream().filter(tool -> tool.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FY " + fiscalYear + " has no tool " + code));
    }

    public List<Indicator> indicatorsOf(Tool tool) {
        return indicators.stream().filter(indicator -> indicator.tool().equals(tool.code())).toList();
    }

    /** Share of the total an indicator carries: its tool's weight split evenly over the tool's indicators. */
    public BigDecimal weightInTotal(int indicatorNumber) {
        Tool tool = tool(indicator(indicatorNumber).tool());
        return tool.weight().divide(BigDecimal.valueOf(indicatorsOf(tool).size()), PRECISION);
    }

    /** The indicator an item belongs to, if the item is in this year's catalogue. */
    public Optional<Indicator> indicatorOfItem(String itemCode) {
        return indicators.stream()
                .filter(indicator -> indicator.items().stream().anyMatch(item -> item.code().equals(itemCode)))
                .findFirst();
    }

    public Optional<Item> item(String itemCode) {
        return indicators.stream().flatMap(indicator -> indicator.items().stream())
                .filter(item -> item.code().equals(itemCode)).findFirst();
    }

    /** True for items of the OIT tool, the ones alerts watch. */
    public boolean isOitItem(String itemCode) {
        return indicatorOfItem(itemCode).map(indicator -> indicator.tool().equals("OIT")).orElse(false);
    }

    public LevelBand levelOf(BigDecimal total) {
        return levels.stream().filter(band -> total.compareTo(band.minScore()) >= 0).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no level band holds " + total));
    }

    /** The band just above {@code band}; empty at the top. */
    public Optional<LevelBand> levelAbove(LevelBand band) {
        int index = levels.indexOf(band);
        return index <= 0 ? Optional.empty() : Optional.of(levels.get(index - 1));
    }

    /** The lowest total that passes. */
    public BigDecimal passLine() {
        return levels.stream().filter(LevelBand::passing).map(LevelBand::minScore).min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Tool scores, total, level and points recoverable for the ten indicator scores. */
    public ScoreCard score(Map<Integer, BigDecimal> indicatorScores) {
        return ScoreCard.compute(this, indicatorScores);
    }
}
