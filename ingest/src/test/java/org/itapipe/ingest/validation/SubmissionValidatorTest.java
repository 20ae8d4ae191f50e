package org.itapipe.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.validation.RawSubmission.RawItem;
import org.itapipe.ingest.validation.RawSubmission.RawScore;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.ComputedScores;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.ToolScore;
import org.itapipe.schemas.avro.SubmissionSource;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

    private final SubmissionValidator validator = Fixtures.validator();

    private static List<RawScore> tenIndicators(String score) {
        return IntStream.rangeClosed(1, 10).mapToObj(n -> new RawScore(Integer.toString(n), score)).toList();
    }

    private static RawSubmission submission(String org, String year, List<RawScore> indicators, List<RawItem> items,
                                            String total, String level) {
        return new RawSubmission(org, null, year, null, indicators, items, total, level, SubmissionSource.API, "test",
                List.of());
    }

    private List<FieldError> errors(RawSubmission raw) {
        Validation validation = validator.validate(raw);
        assertThat(validation).isInstanceOf(Validation.Invalid.class);
        return ((Validation.Invalid) validation).errors();
    }

    private ScoreSubmission valid(RawSubmission raw) {
        Validation validation = validator.validate(raw);
        assertThat(validation).as("%s", validation).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) validation).submission();
    }

    @Test
    void aCompleteSubmissionIsPlacedByTheOrganizationRegistry() {
        ScoreSubmission submission = valid(submission("6190803", "2568", tenIndicators("90"), List.of(), null, null));

        assertThat(submission.getDistrictCode()).isEqualTo("1908");
        assertThat(submission.getIndicators()).hasSize(10).allSatisfy(i -> assertThat(i.getScore()).hasToString("90.00"));
        assertThat(submission.getRevision()).isEqualTo(Fixtures.NOW.toEpochMilli());
        assertThat(submission.getFlags()).isEmpty();
    }

    @Test
    void anAcceptedSubmissionCarriesItsScoreCardScoredOnceHere() {
        List<RawScore> seed = List.of(new RawScore("1", "100"), new RawScore("2", "100"), new RawScore("3", "100"),
                new RawScore("4", "100"), new RawScore("5", "100"), new RawScore("6", "99.33"),
                new RawScore("7", "99.33"), new RawScore("8", "99.33"), new RawScore("9", "82.50"),
                new RawScore("10", "90"));
        ScoreSubmission submission = valid(submission("6190803", "2568", seed, List.of(), null, null));

        ComputedScores card = submission.getCard();
        assertThat(card.getTotal()).hasToString("94.30");
        assertThat(card.getLevel()).isEqualTo("GOOD_PASS");
        assertThat(card.getPassing()).isTrue();
        assertThat(card.getToolScores()).extracting(ToolScore::getTool).containsExactly("IIT", "EIT", "OIT");
        assertThat(card.getRecoverable()).extracting(points -> points.getPoints().toPlainString())
                .as("apportioned so that they add up to 100 - 94.30").containsExactly("0.00", "0.00", "0.00", "0.00", "0.00",
                        "0.07", "0.07", "0.06", "3.50", "2.00");
    }

    @Test
    void thaiDigitsAreAcceptedEverywhere() {
        ScoreSubmission submission = valid(submission("๖๑๙๐๘๐๓", "๒๕๖๘", tenIndicators("๙๐.๕๐"), List.of(), null, null));

        assertThat(submission.getOrgCode()).isEqualTo("6190803");
        assertThat(submission.getIndicators().get(0).getScore()).hasToString("90.50");
    }

    @Test
    void everyBrokenRuleIsReportedWithItsFieldPath() {
        List<RawScore> indicators = new ArrayList<>(tenIndicators("90").subList(0, 8));
        indicators.add(new RawScore("9", "101"));
        indicators.add(new RawScore("9", "80"));
        indicators.add(new RawScore("11", "80"));
        indicators.add(new RawScore("1", "80.555"));

        List<FieldError> errors = errors(submission("9999999", "2590", indicators,
                List.of(new RawItem("o99", null, "50")), "abc", null));

        assertThat(errors).extracting(FieldError::field, FieldError::rule).contains(
                org.assertj.core.groups.Tuple.tuple("orgCode", Rules.KNOWN_ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("fiscalYear", Rules.METHODOLOGY_EXISTS),
                org.assertj.core.groups.Tuple.tuple("indicators[9]", Rules.SCORE_VALID),
                org.assertj.core.groups.Tuple.tuple("indicators[9]", Rules.INDICATOR_ONCE),
                org.assertj.core.groups.Tuple.tuple("indicators[11]", Rules.INDICATOR_KNOWN),
                org.assertj.core.groups.Tuple.tuple("indicators[1]", Rules.INDICATOR_ONCE),
                org.assertj.core.groups.Tuple.tuple("indicators[10]", Rules.INDICATOR_PRESENT),
                org.assertj.core.groups.Tuple.tuple("reportedTotal", Rules.SCORE_VALID));
    }

    @Test
    void itemsMustBelongToTheYearAndToTheIndicatorTheyAreListedUnder() {
        List<FieldError> errors = errors(submission("6190803", "2568", tenIndicators("90"),
                List.of(new RawItem("o99", null, "50"), new RawItem("o23", "9", "50"), new RawItem("e1", null, "90"),
                        new RawItem("e1", null, "91")), null, null));

        assertThat(errors).extracting(FieldError::field, FieldError::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("items[o99]", Rules.ITEM_KNOWN),
                org.assertj.core.groups.Tuple.tuple("items[o23]", Rules.ITEM_UNDER_ITS_INDICATOR),
                org.assertj.core.groups.Tuple.tuple("items[e1]", Rules.ITEM_ONCE));
    }

    @Test
    void aYearWithoutAKnownItemCatalogueTakesIndicatorScoresOnly() {
        assertThat(errors(submission("6190803", "2567", tenIndicators("90"), List.of(new RawItem("o5", null, "50")),
                null, null))).extracting(FieldError::rule).containsExactly(Rules.ITEM_CATALOGUE_KNOWN);
        assertThat(valid(submission("6190803", "2567", tenIndicators("90"), List.of(), null, null)).getFiscalYear())
                .isEqualTo(2567);
    }

    @Test
    void aReportedTotalOffByMoreThanOneCentIsAcceptedButFlagged() {
        ScoreSubmission submission = valid(submission("6190803", "2568", tenIndicators("90"), List.of(), "90.02",
                "ผ่านดีเยี่ยม"));

        assertThat(submission.getReportedTotal()).hasToString("90.02");
        assertThat(submission.getFlags()).extracting(Flag::getRule)
                .containsExactly(Rules.REPORTED_TOTAL_MATCHES, Rules.REPORTED_LEVEL_MATCHES);
    }

    @Test
    void aReportedTotalWithinOneCentIsNotFlagged() {
        assertThat(valid(submission("6190803", "2568", tenIndicators("90"), List.of(), "90.01", "GOOD_PASS"))
                .getFlags()).isEmpty();
    }

    @Test
    void anExplicitRevisionIsKept() {
        RawSubmission raw = new RawSubmission("6190803", null, "2568", "3", tenIndicators("90"), List.of(), null, null,
                SubmissionSource.API, "t", List.of());

        assertThat(valid(raw).getRevision()).isEqualTo(3L);
    }
}
