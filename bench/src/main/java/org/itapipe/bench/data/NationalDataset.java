package org.itapipe.bench.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.ItemCatalogue;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.Organization;

/**
 * A national data set as CSV in the import format: one row per given organization for each fiscal year,
 * plus a given number of revisions of randomly chosen organization-years. Seeded, so every run gives the same data.
 * The demo and the benchmarks load it.
 *
 * <p>Shape, chosen to look like published results: each organization has an underlying quality (mean 89, sd 6), so
 * most totals fall between 80 and 100 with a tail below 75; EIT and OIT indicators are the means of their items (so
 * the generated rows are consistent and raise no flags), and about 4% of OIT items sit at 50. Years whose item
 * catalogue is unknown get indicator scores only. A revision moves the organization's quality a little, so revisions
 * change totals, ranks and alerts the way real corrections do.
 *
 * <p>Rows come in waves: wave 1 holds revision 1 of every organization-year, wave n revision n of those revised n - 1
 * times. An import names each organization-year once, so each wave is imported on its own, in order.
 */
public final class NationalDataset {

    static final long SEED = 2568;

    private final List<Organization> organizations;
    private final MethodologyCatalog methodologies;

    public NationalDataset(Collection<Organization> organizations, MethodologyCatalog methodologies) {
        this.organizations = List.copyOf(organizations);
        this.methodologies = methodologies;
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
        List<Organization> all = organizations;
        int[] revisedTimes = new int[all.size() * fiscalYears.size()];
        for (int i = 0; i < revisions; i++) {
            revisedTimes[random.nextInt(revisedTimes.length)]++;
        }
        int waveCount = 1 + Arrays.stream(revisedTimes).max().orElse(0);
        List<String> header = header(fiscalYears);
        List<StringBuilder> waves = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int wave = 0; wave < waveCount; wave++) {
            waves.add(new StringBuilder(String.join(",", header)).append('\n'));
            rows.add(0);
        }
        int orgYear = 0;
        for (Organization organization : all) {
            double quality = Math.min(99.5, Math.max(45, 89 + random.nextGaussian() * 6));
            for (int year : fiscalYears) {
                Methodology methodology = methodologies.require(year);
                double yearQuality = quality + random.nextGaussian() * 2;
                for (int revision = 1; revision <= 1 + revisedTimes[orgYear]; revision++) {
                    waves.get(revision - 1).append(row(organization, methodology, header, yearQuality, revision,
                            random));
                    rows.set(revision - 1, rows.get(revision - 1) + 1);
                    yearQuality = Math.min(99.5, yearQuality + 1 + random.nextGaussian());
                }
                orgYear++;
            }
        }
        return new Waves(waves.stream().map(StringBuilder::toString).toList(), List.copyOf(rows));
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
                              double quality, int revision, Random random) {
        String[] cells = new String[header.size()];
        Arrays.fill(cells, "");
        cells[0] = organization.code();
        cells[1] = Integer.toString(methodology.fiscalYear());
        cells[2] = Integer.toString(revision);
        boolean items = methodology.itemCatalogue() == ItemCatalogue.KNOWN;
        for (Indicator indicator : methodology.indicators()) {
            BigDecimal score;
            if (items && !indicator.tool().equals("IIT")) {
                List<BigDecimal> itemScores = new ArrayList<>();
                for (Item item : indicator.items()) {
                    BigDecimal itemScore = indicator.tool().equals("OIT") ? oitItem(quality, random)
                            : clamp(quality + random.nextGaussian() * 3);
                    itemScores.add(itemScore);
                    cells[header.indexOf(item.code())] = itemScore.toPlainString();
                }
                score = itemScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(itemScores.size()), 2, RoundingMode.HALF_UP);
            } else {
                score = clamp(quality + (indicator.tool().equals("IIT") ? 4 : 0) + random.nextGaussian() * 4);
            }
            cells[2 + indicator.number()] = score.toPlainString();
        }
        return String.join(",", cells) + "\n";
    }

    /** Disclosure items are all or half or nothing: mostly 100, about 4% at 50, the rest missing (0). */
    private static BigDecimal oitItem(double quality, Random random) {
        double draw = random.nextDouble();
        double missing = Math.max(0.0, (92 - quality) / 100);
        return draw < 0.04 ? new BigDecimal("50.00") : draw < 0.04 + missing ? new BigDecimal("0.00")
                : new BigDecimal("100.00");
    }

    private static BigDecimal clamp(double score) {
        return BigDecimal.valueOf(Math.max(0, Math.min(100, score))).setScale(2, RoundingMode.HALF_UP);
    }
}
