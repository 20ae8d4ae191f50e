package org.itapipe.launcher.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.ItemCatalogue;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.Organization;
import org.itapipe.schemas.organizations.OrganizationRegistry;

/**
 * A national data set for the demo, as CSV in the import format: one row per organization of the registry for each
 * fiscal year, plus revisions of a few percent of them. Seeded, so every run gives the same data.
 *
 * <p>Shape, chosen to look like published results: each organization has an underlying quality (mean 89, sd 6), so
 * most totals fall between 80 and 100 with a tail below 75; EIT and OIT indicators are the means of their items (so
 * the generated rows are consistent and raise no flags), and about 4% of OIT items sit at 50. Years whose item
 * catalogue is unknown get indicator scores only.
 */
public final class NationalDataset {

    static final long SEED = 2568;
    private static final double REVISED_SHARE = 0.03;

    private final OrganizationRegistry organizations;
    private final MethodologyCatalog methodologies;

    public NationalDataset(OrganizationRegistry organizations, MethodologyCatalog methodologies) {
        this.organizations = organizations;
        this.methodologies = methodologies;
    }

    /** First submissions of every organization for each year, and (separately) the revisions that follow. */
    public record Csv(String firstSubmissions, String revisions, int firstRows, int revisionRows) {
    }

    public Csv generate(List<Integer> fiscalYears) {
        Random random = new Random(SEED);
        List<String> header = header(fiscalYears);
        StringBuilder first = new StringBuilder(String.join(",", header)).append('\n');
        StringBuilder revised = new StringBuilder(String.join(",", header)).append('\n');
        int firstRows = 0;
        int revisionRows = 0;
        for (Organization organization : organizations.all()) {
            double quality = Math.min(99.5, Math.max(45, 89 + random.nextGaussian() * 6));
            for (int year : fiscalYears) {
                Methodology methodology = methodologies.require(year);
                first.append(row(organization, methodology, header, quality + random.nextGaussian() * 2, 1, random));
                firstRows++;
                if (random.nextDouble() < REVISED_SHARE) {
                    revised.append(row(organization, methodology, header, quality + 2 + random.nextGaussian(), 2,
                            random));
                    revisionRows++;
                }
            }
        }
        return new Csv(first.toString(), revised.toString(), firstRows, revisionRows);
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
