package org.itapipe.schemas.methodology;

import java.util.List;

/** One of the ten indicators, the tool it belongs to, and its items (empty when the year's catalogue is unknown). */
public record Indicator(int number, String tool, String nameTh, String nameEn, List<Item> items) {

    public Indicator {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
