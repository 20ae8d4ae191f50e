package org.itapipe.schemas.methodology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.itapipe.schemas.thai.ThaiDigits;

/**
 * Scores are exact decimals with two places, 0.00 to 100.00, never binary floating point: 94.30 stays 94.30 in
 * Kafka, in state stores and in ClickHouse.
 */
public final class Scores {

    public static final int SCALE = 2;
    public static final BigDecimal MAX = new BigDecimal("100.00");
    public static final BigDecimal MIN = new BigDecimal("0.00");

    private Scores() {
    }

    /** Parses "94.3", "94.30" or "๙๔.๓๐"; fails naming the rule broken. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidScoreException("a score is required");
        }
        String ascii = ThaiDigits.toAscii(text.strip());
        BigDecimal value;
        try {
            value = new BigDecimal(ascii);
        } catch (NumberFormatException e) {
            throw new InvalidScoreException("'" + text + "' is not a number");
        }
        return exact(value);
    }

    /** The score with scale 2; fails if it has more than two decimals or lies outside 0..100. */
    public static BigDecimal exact(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new InvalidScoreException(value.toPlainString() + " has more than two decimals");
        }
        BigDecimal score = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (score.compareTo(MIN) < 0 || score.compareTo(MAX) > 0) {
            throw new InvalidScoreException(score.toPlainString() + " is outside 0.00..100.00");
        }
        return score;
    }

    /**
     * The mean of {@code count} values that sum to {@code sum}, rounded once from the exact quotient: two decimals,
     * half up, as {@link #round} does.
     */
    public static BigDecimal mean(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
    }

    /** Rounds a derived value (a mean, a weighted sum) to two decimals, half up, as published results are. */
    public static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** A score is not a valid two-decimal value between 0 and 100. */
    public static final class InvalidScoreException extends IllegalArgumentException {
        public InvalidScoreException(String message) {
            super(message);
        }
    }
}
