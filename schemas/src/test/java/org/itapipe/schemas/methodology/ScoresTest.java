package org.itapipe.schemas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void scoresKeepExactlyTwoDecimals() {
        assertThat(Scores.parse("94.3")).isEqualTo(new BigDecimal("94.30"));
        assertThat(Scores.parse("100")).hasToString("100.00");
    }

    @Test
    void thaiDigitsAreAccepted() {
        assertThat(Scores.parse("๘๒.๕๐")).isEqualTo(new BigDecimal("82.50"));
    }

    @Test
    void moreThanTwoDecimalsAreRejectedNotRounded() {
        assertThatThrownBy(() -> Scores.parse("94.305")).hasMessageContaining("more than two decimals");
    }

    @Test
    void trailingZerosBeyondTwoDecimalsAreFine() {
        assertThat(Scores.parse("94.3000")).isEqualTo(new BigDecimal("94.30"));
    }

    @Test
    void scoresOutsideZeroToHundredAreRejected() {
        assertThatThrownBy(() -> Scores.parse("100.01")).hasMessageContaining("outside 0.00..100.00");
        assertThatThrownBy(() -> Scores.parse("-1")).hasMessageContaining("outside 0.00..100.00");
    }

    @Test
    void textThatIsNoNumberIsRejected() {
        assertThatThrownBy(() -> Scores.parse("ดี")).hasMessageContaining("is not a number");
    }
}
