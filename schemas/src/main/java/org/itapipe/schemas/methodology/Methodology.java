package org.itapipe.schemas.methodology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one fiscal year is scored: tools and their weights, the ten indicators, the item catalogue, level bands and
 * alert thresholds. Loaded from {@code ita-<year>.json} by {@link MethodologyCatalog}; data, not code. Lookups by
 * indicator, tool and item are indexed once, because every submission of the year goes through them.
 *
 * <p>{@code previousYearItemMapping}: item code of the previous year -> item code of this year, for the item-level
 * year-over-year comparisons; only items listed there are compared.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Methodology {

    /** Exact enough for any quotient of weights; results are rounded to two decimals only at the end. */
    static final MathContext PRECISION = MathContext.DECIMAL64;

    private final int fiscalYear;
    private final String about;
    private final List<Tool> tools;
    private final List<Indicator> indicators;
    private final ItemCatalogue itemCatalogue;
    private final List<LevelBand> levels;
    private final Alerts alerts;
    private final Map<String, String> previousYearItemMapping;

    private final Map<Integer, Indicator> indicatorsByNumber = new HashMap<>();
    private final Map<String, Tool> toolsByCode = new HashMap<>();
    private final Map<String, List<Indicator>> indicatorsByTool = new HashMap<>();
    private final Map<String, Indicator> indicatorsByItem = new HashMap<>();
    private final Map<String, Item> itemsByCode = new LinkedHashMap<>();
    /** Each indicator's share of the total, divided once: gaps and scores ask for it per indicator per submission. */
    private final Map<Integer, BigDecimal> weightsInTotal = new ConcurrentHashMap<>();

    @JsonCreator
    public Methodology(@JsonProperty("fiscalYear") int fiscalYear, @JsonProperty("about") String about,
                       @JsonProperty("tools") List<Tool> tools, @JsonProperty("indicators") List<Indicator> indicators,
                       @JsonProperty("itemCatalogue") ItemCatalogue itemCatalogue,
                       @JsonProperty("levels") List<LevelBand> levels, @JsonProperty("alerts") Alerts alerts,
                       @JsonProperty("previousYearItemMapping") Map<String, String> previousYearItemMapping) {
        this.fiscalYear = fiscalYear;
        this.about = about;
        this.tools = List.copyOf(tools);
        this.indicators = indicators.stream().sorted(Comparator.comparingInt(Indicator::number)).toList();
        this.itemCatalogue = itemCatalogue;
        this.levels = levels.stream().sorted(Comparator.comparing(LevelBand::minScore).reversed()).toList();
        this.alerts = alerts;
        this.previousYearItemMapping = previousYearItemMapping == null ? Map.of() : Map.copyOf(previousYearItemMapping);
        this.tools.forEach(tool -> toolsByCode.putIfAbsent(tool.code(), tool));
        for (Indicator indicator : this.indicators) {
            indicatorsByNumber.putIfAbsent(indicator.number(), indicator);
            indicatorsByTool.computeIfAbsent(indicator.tool(), tool -> new ArrayList<>()).add(indicator);
            indicator.items().forEach(item -> {
                indicatorsByItem.putIfAbsent(item.code(), indicator);
                itemsByCode.putIfAbsent(item.code(), item);
            });
        }
    }

    @JsonProperty
    public int fiscalYear() {
        return fiscalYear;
    }

    @JsonProperty
    public String about() {
        return about;
    }

    @JsonProperty
    public List<Tool> tools() {
        return tools;
    }

    @JsonProperty
    public List<Indicator> indicators() {
        return indicators;
    }

    @JsonProperty
    public ItemCatalogue itemCatalogue() {
        return itemCatalogue;
    }

    @JsonProperty
    public List<LevelBand> levels() {
        return levels;
    }

    @JsonProperty
    public Alerts alerts() {
        return alerts;
    }

    @JsonProperty
    public Map<String, String> previousYearItemMapping() {
        return previousYearItemMapping;
    }

    public Indicator indicator(int number) {
        Indicator indicator = indicatorsByNumber.get(number);
        if (indicator == null) {
            throw new IllegalArgumentException("FY " + fiscalYear + " has no indicator " + number);
        }
        return indicator;
    }

    public Tool tool(String code) {
        Tool tool = toolsByCode.get(code);
        if (tool == null) {
            throw new IllegalArgumentException("FY " + fiscalYear + " has no tool " + code);
        }
        return tool;
    }

    public List<Indicator> indicatorsOf(Tool tool) {
        return indicatorsByTool.getOrDefault(tool.code(), List.of());
    }

    /** Share of the total an indicator carries: its tool's weight split evenly over the tool's indicators. */
    public BigDecimal weightInTotal(int indicatorNumber) {
        return weightsInTotal.computeIfAbsent(indicatorNumber, number -> {
            Tool tool = tool(indicator(number).tool());
            return tool.weight().divide(BigDecimal.valueOf(indicatorsOf(tool).size()), PRECISION);
        });
    }

    /** The indicator an item belongs to, if the item is in this year's catalogue. */
    public Optional<Indicator> indicatorOfItem(String itemCode) {
        return Optional.ofNullable(indicatorsByItem.get(itemCode));
    }

    public Optional<Item> item(String itemCode) {
        return Optional.ofNullable(itemsByCode.get(itemCode));
    }

    /** Every item of the year, in catalogue order (indicator 1's items first). */
    public List<Item> items() {
        return List.copyOf(itemsByCode.values());
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

    /** The band named {@code code}. */
    public LevelBand level(String code) {
        return levels.stream().filter(band -> band.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FY " + fiscalYear + " has no level " + code));
    }

    /** Whether {@code other} grades with the same level bands (the same lower bounds), so levels compare. */
    public boolean hasBandsOf(Methodology other) {
        return levels.stream().map(LevelBand::minScore).map(BigDecimal::stripTrailingZeros).toList()
                .equals(other.levels.stream().map(LevelBand::minScore).map(BigDecimal::stripTrailingZeros).toList());
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

    @Override
    public String toString() {
        return "Methodology[FY " + fiscalYear + ", items " + itemCatalogue + "]";
    }
}
