package org.itapipe.schemas.methodology;

import java.math.BigDecimal;

/** A result level: totals at or above {@code minScore} (and below the next band) get it. */
public record LevelBand(String code, String nameTh, String nameEn, BigDecimal minScore, boolean passing) {
}
