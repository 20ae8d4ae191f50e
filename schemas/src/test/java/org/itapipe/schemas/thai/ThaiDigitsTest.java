package org.itapipe.schemas.thai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThaiDigitsTest {

    @Test
    void thaiDigitsBecomeAsciiAndEverythingElseStays() {
        assertThat(ThaiDigits.toAscii("ผลคะแนน ๙๔.๓๐ คะแนน")).isEqualTo("ผลคะแนน 94.30 คะแนน");
    }

    @Test
    void asciiDigitsBecomeThai() {
        assertThat(ThaiDigits.toThai("FY 2568: 94.30")).isEqualTo("FY ๒๕๖๘: ๙๔.๓๐");
    }

    @Test
    void theTwoDirectionsAreInverse() {
        String digits = "0123456789";
        assertThat(ThaiDigits.toAscii(ThaiDigits.toThai(digits))).isEqualTo(digits);
    }
}
