package org.itapipe.schemas.topics;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.itapipe.schemas.avro.ApiKeyEntry;
import org.itapipe.schemas.avro.AreaRollup;
import org.itapipe.schemas.avro.DeadLetter;
import org.itapipe.schemas.avro.DigestMark;
import org.itapipe.schemas.avro.IndicatorGaps;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.YearOverYearChange;
import org.itapipe.schemas.topics.Topic.CleanupPolicy;

/**
 * Every topic of the pipeline, in one place. Names carry a version suffix: an incompatible change gets a new topic
 * ({@code .v2}) rather than breaking the readers of the old one. Keys are UTF-8 strings, readable by any client.
 */
public final class Topics {

    private static final long FOREVER = -1;
    private static final long THIRTY_DAYS = Duration.ofDays(30).toMillis();

    /**
     * Score submissions, the source of truth: every revision of every organization and year, kept forever. Keyed by
     * organization code alone, so that all years of an organization meet on one partition.
     */
    public static final Topic<String, ScoreSubmission> SUBMISSIONS =
            topic("ita.submissions.v1", "<orgCode>", ScoreSubmission.class, CleanupPolicy.DELETE, FOREVER);

    /**
     * The latest revision of each organization and year, as streams decided it (docs/revisions.md): the one owner of
     * "latest", which the sink loads for the analysts' view, so that it and every derived view agree.
     */
    public static final Topic<String, ScoreSubmission> LATEST_SUBMISSIONS =
            table("ita.latest-submissions.v1", "<orgCode>/<fiscalYear>", ScoreSubmission.class);

    /** Gaps and points recoverable of the latest revision per organization and year. */
    public static final Topic<String, IndicatorGaps> INDICATOR_GAPS =
            table("ita.indicator-gaps.v1", "<orgCode>/<fiscalYear>", IndicatorGaps.class);

    /** Current statistics per district and fiscal year (provincial administrative organizations count in none). */
    public static final Topic<String, AreaRollup> DISTRICT_ROLLUPS =
            table("ita.rollups.district.v1", "<fiscalYear>/<districtCode>", AreaRollup.class);

    /** Current statistics per province and fiscal year, over all types and per organization type. */
    public static final Topic<String, AreaRollup> PROVINCE_ROLLUPS =
            table("ita.rollups.province.v1", "<fiscalYear>/<provinceCode>[/<orgType>]", AreaRollup.class);

    /** Current statistics of the whole country per fiscal year, over all types and per organization type. */
    public static final Topic<String, AreaRollup> NATIONAL_ROLLUPS =
            table("ita.rollups.national.v1", "<fiscalYear>/TH[/<orgType>]", AreaRollup.class);

    /** Current change of each organization against its previous fiscal year. */
    public static final Topic<String, YearOverYearChange> YEAR_OVER_YEAR =
            table("ita.yoy-changes.v1", "<orgCode>/<fiscalYear>", YearOverYearChange.class);

    /** Alert state changes per OIT item; compaction keeps the current state of each alert. */
    public static final Topic<String, OitAlert> OIT_ALERTS =
            table("ita.oit-alerts.v1", "<orgCode>/<fiscalYear>/<itemCode>", OitAlert.class);

    /** Records that reached Kafka but could not be processed, with the reason; kept 30 days for inspection. */
    public static final Topic<String, DeadLetter> DEAD_LETTERS =
            topic("ita.dead-letters.v1", "<source topic>/<partition>/<offset>", DeadLetter.class, CleanupPolicy.DELETE,
                    THIRTY_DAYS);

    /**
     * Alert notifications a destination did not accept within the notifier's patience, with the reason; kept until
     * replayed ({@code itapipe notifier replay <destination>}). The envelope's value is the alert record as it was.
     */
    public static final Topic<String, DeadLetter> NOTIFIER_PARKED =
            topic("ita.notifier-parked.v1", "<destination>/<orgCode>/<fiscalYear>/<itemCode>", DeadLetter.class,
                    CleanupPolicy.DELETE, FOREVER);

    /** When each notifier destination last got its digest; compaction keeps the latest per destination. */
    public static final Topic<String, DigestMark> NOTIFIER_DIGESTS =
            table("ita.notifier-digests.v1", "<destination>", DigestMark.class);

    /**
     * The ingest API's keys, hashed: every ingest instance follows this topic, so a key created or revoked
     * ({@code itapipe keys}, with {@code ingest.keys-source=kafka}) counts on all of them within seconds. A tombstone
     * revokes; compaction keeps the latest entry of each key.
     */
    public static final Topic<String, ApiKeyEntry> API_KEYS = table("ita.api-keys.v1", "<keyId>", ApiKeyEntry.class);

    public static final List<Topic<String, ? extends SpecificRecord>> ALL = List.of(SUBMISSIONS, LATEST_SUBMISSIONS,
            INDICATOR_GAPS, DISTRICT_ROLLUPS, PROVINCE_ROLLUPS, NATIONAL_ROLLUPS, YEAR_OVER_YEAR, OIT_ALERTS, DEAD_LETTERS, NOTIFIER_PARKED,
            NOTIFIER_DIGESTS, API_KEYS);

    /** The rollup topics, one per area level. */
    public static final List<Topic<String, AreaRollup>> ROLLUPS = List.of(DISTRICT_ROLLUPS, PROVINCE_ROLLUPS,
            NATIONAL_ROLLUPS);

    private Topics() {
    }

    /** {@code <orgCode>/<fiscalYear>}. */
    public static String orgYearKey(String orgCode, int fiscalYear) {
        return orgCode + "/" + fiscalYear;
    }

    /** {@code <fiscalYear>/<areaCode>}, and {@code /<orgType>} when the rollup counts one type only. */
    public static String areaKey(int fiscalYear, String areaCode, OrganizationType orgType) {
        return fiscalYear + "/" + areaCode + (orgType == null ? "" : "/" + orgType.name());
    }

    /** {@code <orgCode>/<fiscalYear>/<itemCode>}. */
    public static String alertKey(String orgCode, int fiscalYear, String itemCode) {
        return orgCode + "/" + fiscalYear + "/" + itemCode;
    }

    private static <V extends SpecificRecord> Topic<String, V> table(String name, String keyFormat, Class<V> type) {
        return topic(name, keyFormat, type, CleanupPolicy.COMPACT, FOREVER);
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(String name, String keyFormat, Class<V> type,
                                                                     CleanupPolicy cleanup, long retentionMs) {
        Serde<String> keys = Serdes.String();
        return new Topic<>(name, keys, keyFormat, type, cleanup, retentionMs);
    }
}
