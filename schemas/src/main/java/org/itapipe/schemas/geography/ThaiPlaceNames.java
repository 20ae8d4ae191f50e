package org.itapipe.schemas.geography;

import java.util.List;

/** Place names as written in documents carry an administrative prefix; comparisons use the bare name. */
public final class ThaiPlaceNames {

    private static final List<String> PREFIXES = List.of("จังหวัด", "อำเภอ", "ตำบล", "เขต", "แขวง", "จ.", "อ.", "ต.");

    private ThaiPlaceNames() {
    }

    public static String bare(String name) {
        String trimmed = name == null ? "" : name.strip();
        for (String prefix : PREFIXES) {
            if (trimmed.startsWith(prefix)) {
                return trimmed.substring(prefix.length()).strip();
            }
        }
        return trimmed;
    }
}
