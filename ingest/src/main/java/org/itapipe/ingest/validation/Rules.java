package org.itapipe.ingest.validation;

/** Names of the validation rules, as they appear in errors and flags. */
public final class Rules {

    public static final String REQUIRED = "required";
    public static final String ORG_CODE_FORMAT = "org-code-is-a-7-digit-dla-code";
    public static final String KNOWN_ORGANIZATION = "known-organization";
    public static final String FISCAL_YEAR_FORMAT = "fiscal-year-is-a-buddhist-era-year";
    public static final String METHODOLOGY_EXISTS = "methodology-exists";
    public static final String REVISION_FORMAT = "revision-is-a-positive-integer";
    public static final String INDICATOR_KNOWN = "indicator-is-1-to-10";
    public static final String INDICATOR_ONCE = "indicator-given-once";
    public static final String INDICATOR_PRESENT = "indicator-present";
    public static final String SCORE_VALID = "score-0-to-100-with-at-most-two-decimals";
    public static final String ITEM_KNOWN = "item-in-methodology";
    public static final String ITEM_ONCE = "item-given-once";
    public static final String ITEM_UNDER_ITS_INDICATOR = "item-under-its-indicator";
    public static final String ITEM_CATALOGUE_KNOWN = "item-catalogue-known";
    public static final String DUPLICATE_IN_REQUEST = "organization-year-once-per-request";
    public static final String UNKNOWN_FIELD = "known-field";
    public static final String COLUMN_ONCE = "column-given-once";
    public static final String READABLE = "readable";
    public static final String WITHIN_KEY_SCOPE = "within-key-scope";

    /** Flags: accepted, but inconsistent. */
    public static final String REPORTED_TOTAL_MATCHES = "reported-total-matches-computed";
    public static final String REPORTED_LEVEL_MATCHES = "reported-level-matches-computed";
    public static final String ITEM_MEAN_MATCHES = "item-mean-matches-indicator";
    public static final String ORGANIZATION_THROUGH_ALIAS = "organization-resolved-through-alias";
    public static final String NAME_AS_REGISTERED = "organization-name-as-registered";
    public static final String ITEM_STATED_CONSISTENTLY = "item-stated-consistently";

    private Rules() {
    }
}
