package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a methodology file must follow; every broken rule is reported with its path. */
final class MethodologyValidator {

    private static final Set<String> TOOLS = Set.of("IIT", "EIT", "OIT");
    private static final Pattern ITEM_CODE = Pattern.compile("[ieo][1-9][0-9]*");
    private static final int INDICATORS = 10;

    private final Methodology methodology;
    private final List<String> problems = new ArrayList<>();

    private MethodologyValidator(Methodology methodology) {
        this.methodology = methodology;
    }

    static List<String> problems(Methodology methodology) {
        MethodologyValidator validator = new MethodologyValidator(methodology);
        validator.checkTools();
        validator.checkIndicators();
        validator.checkItems();
        validator.checkLevels();
        validator.checkAlerts();
        return validator.problems;
    }

    private void checkTools() {
        Set<String> codes = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (int i = 0; i < methodology.tools().size(); i++) {
            Tool tool = methodology.tools().get(i);
            if (!TOOLS.contains(tool.code()) || !codes.add(tool.code())) {
                problems.add("tools[" + i + "].code: must be one of " + TOOLS + ", each once; got " + tool.code());
            }
            if (tool.weight() == null || tool.weight().signum() <= 0) {
                problems.add("tools[" + i + "].weight: must be a positive decimal");
            } else {
                weights = weights.add(tool.weight());
            }
        }
        if (!codes.equals(TOOLS)) {
            problems.add("tools: must define exactly " + TOOLS + ", got " + codes);
        }
        if (weights.compareTo(BigDecimal.ONE) != 0) {
            problems.add("tools[].weight: weights must add up to 1, got " + weights.toPlainString());
        }
    }

    private void checkIndicators() {
        Set<Integer> numbers = new HashSet<>();
        for (Indicator indicator : methodology.indicators()) {
            String path = "indicators[number=" + indicator.number() + "]";
            if (indicator.number() < 1 || indicator.number() > INDICATORS || !numbers.add(indicator.number())) {
                problems.add(path + ".number: must be 1..10, each once");
            }
            if (!TOOLS.contains(indicator.tool())) {
                problems.add(path + ".tool: unknown tool " + indicator.tool());
            }
            if (indicator.nameTh() == null || indicator.nameTh().isBlank()) {
                problems.add(path + ".nameTh: required");
            }
        }
        if (numbers.size() != INDICATORS) {
            problems.add("indicators: must define the ten indicators 1..10, got " + numbers);
        }
        for (String tool : TOOLS) {
            if (methodology.indicators().stream().noneMatch(indicator -> tool.equals(indicator.tool()))) {
                problems.add("indicators: tool " + tool + " has no indicator");
            }
        }
    }

    private void checkItems() {
        Set<String> codes = new HashSet<>();
        for (Indicator indicator : methodology.indicators()) {
            String path = "indicators[number=" + indicator.number() + "].items";
            if (methodology.itemCatalogue() == ItemCatalogue.UNKNOWN && !indicator.items().isEmpty()) {
                problems.add(path + ": itemCatalogue is UNKNOWN, so no item may be listed");
            }
            if (methodology.itemCatalogue() == ItemCatalogue.KNOWN && indicator.items().isEmpty()) {
                problems.add(path + ": itemCatalogue is KNOWN, so every indicator lists its items");
            }
            for (Item item : indicator.items()) {
                if (item.code() == null || !ITEM_CODE.matcher(item.code()).matches()) {
                    problems.add(path + ": item code " + item.code() + " must look like i1, e3 or o25");
                } else if (!codes.add(item.code())) {
                    problems.add(path + ": item code " + item.code() + " appears more than once in the year");
                } else if (item.code().charAt(0) != Character.toLowerCase(indicator.tool().charAt(0))) {
                    problems.add(path + ": item " + item.code() + " does not belong to tool " + indicator.tool());
                } else if ((item.nameTh() != null || item.nameEn() != null) == (item.source() == null)) {
                    problems.add(path + ": item " + item.code() + " has a source exactly when it has a name "
                            + "(names come from a public source, never from nowhere)");
                }
            }
        }
        methodology.previousYearItemMapping().forEach((previous, current) -> {
            if (!codes.contains(current)) {
                problems.add("previousYearItemMapping[" + previous + "]: maps to " + current
                        + ", which is not an item of this year");
            }
        });
    }

    private void checkLevels() {
        Set<String> codes = new HashSet<>();
        Set<BigDecimal> minimums = new HashSet<>();
        for (LevelBand band : methodology.levels()) {
            if (band.code() == null || !codes.add(band.code())) {
                problems.add("levels: code " + band.code() + " missing or repeated");
            }
            if (band.minScore() == null || band.minScore().signum() < 0
                    || band.minScore().compareTo(Scores.MAX) > 0 || !minimums.add(band.minScore().stripTrailingZeros())) {
                problems.add("levels[" + band.code() + "].minScore: must be a distinct value in 0..100");
            }
        }
        if (minimums.stream().noneMatch(min -> min.signum() == 0)) {
            problems.add("levels: the lowest band must start at 0 so that every total has a level");
        }
        if (methodology.levels().stream().noneMatch(LevelBand::passing)) {
            problems.add("levels: at least one band must be passing");
        }
    }

    private void checkAlerts() {
        BigDecimal threshold = methodology.alerts() == null ? null : methodology.alerts().oitItemThreshold();
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(Scores.MAX) > 0) {
            problems.add("alerts.oitItemThreshold: required, 0..100");
        }
    }
}
