package org.itapipe.schemas.thai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void fiscalYear2568RunsFromOctober2024ToSeptember2025() {
        FiscalYear fy = new FiscalYear(2568);

        assertThat(fy.firstDay()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(fy.lastDay()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(fy.endingCommonEraYear()).isEqualTo(2025);
    }

    @Test
    void aDateBelongsToTheFiscalYearEndingInTheNextSeptember() {
        assertThat(FiscalYear.containing(LocalDate.of(2024, 9, 30))).isEqualTo(new FiscalYear(2567));
        assertThat(FiscalYear.containing(LocalDate.of(2024, 10, 1))).isEqualTo(new FiscalYear(2568));
        assertThat(FiscalYear.endingInCommonEra(2025)).isEqualTo(new FiscalYear(2568));
    }

    @Test
    void aCommonEraYearIsRejectedAsAFiscalYear() {
        assertThatThrownBy(() -> new FiscalYear(2025)).hasMessageContaining("Buddhist Era");
    }
}
