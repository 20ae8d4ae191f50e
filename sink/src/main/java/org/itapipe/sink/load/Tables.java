package org.itapipe.sink.load;

import java.util.List;

/**
 * Every table the sink writes (created by the migrations in {@code org/itapipe/sink/migrations}): those it loads from
 * the topics ({@link #ALL}) and the reference tables it fills at each start ({@link #REFERENCE}).
 */
public final class Tables {

    public static final Table SUBMISSIONS = Table.of("submissions", "org_code", "fiscal_year", "revision",
            "submission_id", "org_name_th", "org_name_en", "org_type", "subdistrict_code", "district_code",
            "province_code", "total", "level", "level_th", "passing", "reported_total", "reported_level", "source",
            "source_reference", "submitted_at", "flags", "flag_fields", "flag_messages", "_partition", "_offset");
    /** The latest revision per organization and year: the columns of {@link #SUBMISSIONS} (V006 creates it AS it). */
    public static final Table LATEST_SUBMISSIONS = new Table("latest_submissions", SUBMISSIONS.columns());
    public static final Table SUBMISSION_INDICATORS = Table.of("submission_indicators", "org_code", "fiscal_year",
            "revision", "indicator", "score", "_offset");
    public static final Table SUBMISSION_ITEMS = Table.of("submission_items", "org_code", "fiscal_year", "revision",
            "item_code", "indicator", "is_oit", "score", "alert_threshold", "_offset");
    public static final Table INDICATOR_GAPS = Table.of("indicator_gaps", "org_code", "fiscal_year", "revision",
            "total", "level", "next_level", "gap_to_next_level", "indicator", "score", "gap_to_100",
            "weight_in_total", "points_recoverable", "recoverable_rank", "_offset");
    public static final Table AREA_ROLLUPS = Table.of("area_rollups", "area_level", "fiscal_year", "area_code",
            "org_type", "organizations", "mean_total", "median_total", "min_total", "max_total", "stddev_total",
            "indicator_means", "level_counts", "passing", "with_oit_alert", "mean_total_change", "is_deleted",
            "_offset");
    public static final Table YOY_CHANGES = Table.of("yoy_changes", "org_code", "fiscal_year",
            "previous_fiscal_year", "district_code", "province_code", "total", "previous_total", "total_delta",
            "level", "previous_level", "level_change", "indicator_deltas", "dropped_items", "_offset");
    public static final Table OIT_ALERTS = Table.of("oit_alerts", "org_code", "fiscal_year", "item_code", "state",
            "score", "threshold", "previous_score", "previous_score_from", "fell", "revision", "indicator",
            "org_name_th", "district_code", "province_code", "changed_at", "_offset");

    /** In the order the migrations create them. */
    public static final List<Table> ALL = List.of(SUBMISSIONS, SUBMISSION_INDICATORS, SUBMISSION_ITEMS, INDICATOR_GAPS,
            AREA_ROLLUPS, YOY_CHANGES, OIT_ALERTS, LATEST_SUBMISSIONS);

    /** Province and district names, loaded at each start from the reference geography (ReferenceTables). */
    public static final Table PLACES = Table.of("places", "level", "code", "name_th", "name_en", "province_code",
            "_version");
    /** Every year's items with their names, loaded at each start from the methodology files (ReferenceTables). */
    public static final Table ITEMS = Table.of("items", "fiscal_year", "item_code", "indicator", "is_oit", "name_th",
            "name_en", "_version");
    public static final List<Table> REFERENCE = List.of(PLACES, ITEMS);

    private Tables() {
    }
}
