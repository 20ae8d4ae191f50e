package org.itapipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.itapipe.schemas.methodology.Indicator;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.Methodology;
import org.itapipe.schemas.organizations.Organization;

/**
 * The submissions of the latency benchmark, each made to open exactly one new OIT alert. Submission {@code k} goes to
 * organization {@code k mod n}; its pass {@code p = k / n + 1} sets the p-th OIT item to 50 and every other item to
 * 100, under revision {@code BASE + p}, above any revision the replay used. From pass 2 on, the item at 50 was at 100
 * in the organization's previous revision, so the alert opens; in pass 1 it may already be open from the replay
 * (about 4% of items), and then no OPEN follows: such submissions give a ClickHouse sample but no alert sample.
 */
final class LatencySubmissions {

    static final long BASE_REVISION = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal AT_THRESHOLD = new BigDecimal("50.00");
    private static final BigDecimal FULL = new BigDecimal("100.00");
    private static final BigDecimal QUESTIONNAIRE = new BigDecimal("90.00");

    private final Methodology methodology;
    private final List<Organization> organizations;
    private final List<String> oitItems;

    LatencySubmissions(Methodology methodology, List<Organization> organizations) {
        this.methodology = methodology;
        this.organizations = List.copyOf(organizations);
        this.oitItems = methodology.indicators().stream().filter(indicator -> indicator.tool().equals("OIT"))
                .flatMap(indicator -> indicator.items().stream()).map(Item::code).toList();
    }

    /** What submission {@code k} is: its organization, revision and the item it opens. */
    record Sent(String orgCode, long revision, String openedItem) {

        String key() {
            return orgCode + "/" + revision;
        }
    }

    Sent describe(int k) {
        int pass = k / organizations.size();
        return new Sent(organizations.get(k % organizations.size()).code(), BASE_REVISION + pass + 1,
                oitItems.get(pass % oitItems.size()));
    }

    String json(Sent sent) {
        ObjectNode body = JSON.createObjectNode();
        body.put("orgCode", sent.orgCode());
        body.put("fiscalYear", methodology.fiscalYear());
        body.put("revision", sent.revision());
        ObjectNode indicators = body.putObject("indicators");
        ObjectNode items = body.putObject("items");
        for (Indicator indicator : methodology.indicators()) {
            if (indicator.tool().equals("IIT") || indicator.items().isEmpty()) {
                indicators.put(Integer.toString(indicator.number()), QUESTIONNAIRE);
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Item item : indicator.items()) {
                BigDecimal score = indicator.tool().equals("OIT")
                        ? item.code().equals(sent.openedItem()) ? AT_THRESHOLD : FULL : QUESTIONNAIRE;
                items.put(item.code(), score);
                sum = sum.add(score);
            }
            indicators.put(Integer.toString(indicator.number()),
                    sum.divide(BigDecimal.valueOf(indicator.items().size()), 2, RoundingMode.HALF_UP));
        }
        return body.toString();
    }
}
