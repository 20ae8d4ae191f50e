package org.itapipe.schemas.methodology;

import java.math.BigDecimal;

/** One of the three assessment tools (IIT, EIT, OIT) and its weight in the total (0.30 = 30%). */
public record Tool(String code, String nameTh, String nameEn, BigDecimal weight) {
}
