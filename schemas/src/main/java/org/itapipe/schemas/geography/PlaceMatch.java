package org.itapipe.schemas.geography;

import java.util.Optional;

/**
 * A subdistrict found for place names as a document writes them. {@code aliasEvidence} is present when the names
 * matched only through a documented alias (subdistrict-aliases.csv): callers flag such records, never hide it.
 */
public record PlaceMatch(Subdistrict subdistrict, Optional<String> aliasEvidence) {
}
