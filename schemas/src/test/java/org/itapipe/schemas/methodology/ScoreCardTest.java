package org.itapipe.schemas.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Scoring with the FY 2568 methodology, checked against the real report in test resources. */
class ScoreCardTest {

    private final Methodology fy2568 = MethodologyCatalog.builtIn().require(2568);

    @Test
    void theSeedReportsTenIndicatorScores() {
        assertThat(SeedReport.indicatorScores()).hasSize(10)
                .containsEntry(9, new BigDecimal("82.50"))
                .containsEntry(10, new BigDecimal("90.00"));
    }

    @Test
    void theSeedsIndicatorScoresGiveItsPublishedTotalAndLevel() {
        ScoreCard card = fy2568.score(SeedReport.indicatorScores());

        assertThat(card.total()).isEqualTo(SeedReport.reportedTotal()).isEqualTo(new BigDecimal("94.30"));
        assertThat(card.level().nameTh()).isEqualTo(SeedReport.reportedLevel()).isEqualTo("ผ่านดี");
        assertThat(card.toolScores()).containsEntry("IIT", new BigDecimal("100.00"))
                .containsEntry("EIT", new BigDecimal("99.33"))
                .containsEntry("OIT", new BigDecimal("86.25"));
    }

    @Test
    void theSeedCanRecover350PointsOnIndicator9And200OnIndicator10() {
        ScoreCard card = fy2568.score(SeedReport.indicatorScores());

        assertThat(card.recoverable()).containsEntry(9, new BigDecimal("3.50")).containsEntry(10, new BigDecimal("2.00"));
        assertThat(card.recoverable().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("5.70"));
        assertThat(card.nextLevel()).map(LevelBand::nameTh).contains("ผ่านดีเยี่ยม");
        assertThat(card.gapToNextLevel()).contains(new BigDecimal("0.70"));
    }

    @Test
    void pointsRecoverableAlwaysAddUpToHundredMinusTheTotal() {
        Random random = new Random(2568);
        for (int run = 0; run < 2_000; run++) {
            Map<Integer, BigDecimal> scores = new HashMap<>();
            IntStream.rangeClosed(1, 10).forEach(number ->
                    scores.put(number, BigDecimal.valueOf(random.nextInt(10_001), 2)));

            ScoreCard card = fy2568.score(scores);

            BigDecimal sum = card.recoverable().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("scores %s", scores).isEqualTo(Scores.MAX.subtract(card.total()));
            card.recoverable().forEach((number, points) -> assertThat(points.scale()).isEqualTo(2));
        }
    }

    @Test
    void aPerfectScoreIsAtTheTopBandWithNothingToRecover() {
        Map<Integer, BigDecimal> perfect = new HashMap<>();
        IntStream.rangeClosed(1, 10).forEach(number -> perfect.put(number, new BigDecimal("100.00")));

        ScoreCard card = fy2568.score(perfect);

        assertThat(card.total()).isEqualTo(new BigDecimal("100.00"));
        assertThat(card.level().code()).isEqualTo("EXCELLENT_PASS");
        assertThat(card.nextLevel()).isEmpty();
        assertThat(card.recoverable().values()).allMatch(points -> points.signum() == 0);
    }

    @Test
    void fiscalYear2567UsesTheLetterBands() {
        Map<Integer, BigDecimal> scores = new HashMap<>();
        IntStream.rangeClosed(1, 10).forEach(number -> scores.put(number, new BigDecimal("80.00")));

        ScoreCard card = MethodologyCatalog.builtIn().require(2567).score(scores);

        assertThat(card.level().code()).isEqualTo("B");
        assertThat(card.level().passing()).isFalse();
    }
}
