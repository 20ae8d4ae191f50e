package org.itapipe.schemas.methodology;

/**
 * Whether a year's item list is known from a public source. When it is not, the year is processed at indicator level
 * only: item scores cannot be validated against a list, and none is invented.
 */
public enum ItemCatalogue {
    KNOWN, UNKNOWN
}
