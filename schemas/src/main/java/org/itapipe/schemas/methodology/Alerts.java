package org.itapipe.schemas.methodology;

import java.math.BigDecimal;

/** Alert settings of a year: an OIT item at or below {@code oitItemThreshold} opens an alert. */
public record Alerts(BigDecimal oitItemThreshold) {
}
