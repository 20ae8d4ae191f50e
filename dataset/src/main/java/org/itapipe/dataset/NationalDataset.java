package org.itapipe.dataset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.ItemCatalogue;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.topics.Topics;

/**
 * A synthetic national data set as CSV in the import format: one row per given organization for each fiscal year
 * (except the organization-years left out, e.g. the seed's, whose figures come from its own report), plus a given
 * number of revisions of randomly chosen organization-years. Seeded, so every run gives the same data. The demo and
 * the benchmarks load it. Its figures are generated, never real ones (docs/dataset.md).
 *
 * <p>Calibrated against the published national figures of FY 2568 (mean 93.82, 94.17 % at or above 85, FY 2567
 * 0.77 lower): each organization-year has a shortfall {@code d} below 100, Gamma-distributed (shape 2, scale
 * {@value #SCALE}) in the later year, the year before differing by a normal step (mean {@value #YEAR_STEP_MEAN}, sd
 * {@value #YEAR_STEP_SD}), so some organizations rise or fall by several points. From it: IIT indicators fall short
 * by about 0.6 d, EIT items by about 0.8 d (all capped at 100, so many are exactly 100); each OIT item is 100, or
 * with a probability that grows with d, 50 or 0 (a few other values, as published reports show), and EIT and OIT
 * indicators are the means of their items, so rows raise no flags. Years whose item catalogue is unknown get
 * indicator scores only, with the same expected shortfall. A revision lowers d a little, as corrections do.
 *
 * <p>Rows come in waves: wave 1 holds revision 1 of every organization-year, wave n revision n of those revised n - 1
 * times. An import names each organization-year once, so each wave is imported on its own, in order.
 */
public final class NationalDataset {

    static final long SEED = 2568;
    static final double SCALE = 2.85;
    static final double YEAR_STEP_MEAN = 0.5;
    static final double YEAR_STEP_SD = 2.5;
    private static final double MAX_SHORTFALL = 70;
    private static final BigDecimal HUNDRED = new BigDecimal("100.00");
    private static final BigDecimal HALF = new BigDecimal("50.00");
    private static final BigDecimal NOTHING = new BigDecimal("0.00");

    private final List<Organization> organizations;
    private final MethodologyCatalog methodologies;
    private final Set<String> leftOut;

    /** @param leftOut organization-years ({@link Topics#orgYearKey}) the data set must not contain */
    public NationalDataset(Collection<Organization> organizations, MethodologyCatalog methodologies,
                           Set<String> leftOut) {
        this.organizations = List.copyOf(organizations);
        this.methodologies = methodologies;
        this.leftOut = Set.copyOf(leftOut);
    }

    public NationalDataset(Collection<Organization> organizations, MethodologyCatalog methodologies) {
        this(organizations, methodologies, Set.of());
    }

    /** The CSV text of each wave, with its row count. */
    public record Waves(List<String> csv, List<Integer> rows) {

        public int firstRows() {
            return rows.get(0);
        }

        public int total() {
            return rows.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Every organization in every given year once, then {@code revisions} more rows, each a later revision. */
    public Waves generate(List<Integer> fiscalYears, int revisions) {
        Random random = new Random(SEED);
        List<Integer> years = fiscalYears.stream().sorted().toList();
        int[] revisedTimes = new int[organizations.size() * years.size()];
        for (int i = 0; i < revisions; i++) {
            revisedTimes[random.nextInt(revisedTimes.length)]++;
        }
        int waveCount = 1 + Arrays.stream(revisedTimes).max().orElse(0);
        List<String> header = header(years);
        List<StringBuilder> waves = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int wave = 0; wave < waveCount; wave++) {
            waves.add(new StringBuilder(String.join(",", header)).append('\n'));
            rows.add(0);
        }
        int orgYear = 0;
        for (Organization organization : organizations) {
            double[] shortfalls = shortfalls(years.size(), random);
            for (int y = 0; y < years.size(); y++) {
                int year = years.get(y);
                double shortfall = shortfalls[y];
                int times = revisedTimes[orgYear++];
                if (leftOut.contains(Topics.orgYearKey(organization.code(), year))) {
                    continue;
                }
                Methodology methodology = methodologies.require(year);
                for (int revision = 1; revision <= 1 + times; revision++) {
                    waves.get(revision - 1).append(row(organization, methodology, header, shortfall, revision,
                            random));
                    rows.set(revision - 1, rows.get(revision - 1) + 1);
                    shortfall = Math.max(0, shortfall - 1 + random.nextGaussian());
                }
            }
        }
        return new Waves(waves.stream().map(StringBuilder::toString).toList(), List.copyOf(rows));
    }

    /** The shortfall of each year, oldest first: the latest year's drawn, each earlier one a step away. */
    private static double[] shortfalls(int years, Random random) {
        double[] shortfalls = new double[years];
        double latest = -SCALE * (Math.log(1 - random.nextDouble()) + Math.log(1 - random.nextDouble()));
        shortfalls[years - 1] = Math.min(MAX_SHORTFALL, latest);
        for (int y = years - 2; y >= 0; y--) {
            double step = YEAR_STEP_MEAN + random.nextGaussian() * YEAR_STEP_SD;
            shortfalls[y] = Math.min(MAX_SHORTFALL, Math.max(0, shortfalls[y + 1] + step));
        }
        return shortfalls;
    }

    private List<String> header(List<Integer> fiscalYears) {
        List<String> columns = new ArrayList<>(List.of("org_code", "fiscal_year", "revision"));
        for (int number = 1; number <= 10; number++) {
            columns.add("ind_" + number);
        }
        fiscalYears.stream().map(methodologies::require).flatMap(m -> m.items().stream()).map(Item::code)
                .distinct().forEach(columns::add);
        return columns;
    }

    private static String row(Organization organization, Methodology methodology, List<String> header,
                              double shortfall, int revision, Random random) {
        String[] cells = new String[header.size()];
        Arrays.fill(cells, "");
        cells[0] = organization.code();
        cells[1] = Integer.toString(methodology.fiscalYear());
        cells[2] = Integer.toString(revision);
        boolean items = methodology.itemCatalogue() == ItemCatalogue.KNOWN;
        for (Indicator indicator : methodology.indicators()) {
            BigDecimal score;
            if (indicator.tool().equals("IIT")) {
                score = below100(shortfall * 0.6, 2, random);
            } else if (!items) {
                score = indicator.tool().equals("EIT") ? below100(shortfall * 0.8, 2, random)
                        : below100(shortfall * 1.6, 4, random);
            } else {
                List<BigDecimal> itemScores = new ArrayList<>();
                for (Item item : indicator.items()) {
                    BigDecimal itemScore = indicator.tool().equals("OIT") ? oitItem(shortfall, random)
                            : below100(shortfall * 0.8, 2, random);
                    itemScores.add(itemScore);
                    cells[header.indexOf(item.code())] = itemScore.toPlainString();
                }
                score = itemScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(itemScores.size()), 2, RoundingMode.HALF_UP);
            }
            cells[2 + indicator.number()] = score.toPlainString();
        }
        return String.join(",", cells) + "\n";
    }

    /** 100 less a shortfall of about {@code mean} (never negative, so many scores are exactly 100). */
    private static BigDecimal below100(double mean, double sd, Random random) {
        double shortfall = Math.max(0, mean + random.nextGaussian() * sd);
        return BigDecimal.valueOf(Math.max(0, 100 - shortfall)).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Disclosure items are judged all, half or nothing: 100, or with probability d/45 (at most 0.9) 50 or 0, and
     * one in twenty of those another tenth (as the seed's o25 = 10.00).
     */
    private static BigDecimal oitItem(double shortfall, Random random) {
        if (random.nextDouble() >= Math.min(0.9, shortfall / 45)) {
            return HUNDRED;
        }
        double draw = random.nextDouble();
        return draw < 0.05 ? BigDecimal.valueOf(10L * (1 + random.nextInt(9))).setScale(2)
                : draw < 0.55 ? HALF : NOTHING;
    }
}
