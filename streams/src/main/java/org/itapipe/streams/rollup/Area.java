package org.itapipe.streams.rollup;

import java.util.ArrayList;
import java.util.List;
import org.itapipe.schemas.avro.AreaLevel;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.organizations.OrganizationTypes;
import org.itapipe.schemas.topics.Topics;

/**
 * One rollup's area in one fiscal year: a district, a province or the country ({@value #COUNTRY}), over every
 * organization type ({@code orgType} null) or over one type, so that like is compared with like.
 */
public record Area(AreaLevel level, int fiscalYear, String code, OrganizationType orgType) {

    /** The area code of the national rollups. */
    public static final String COUNTRY = "TH";

    /**
     * The areas an organization-year joins directly: its district (unless it is a provincial administrative
     * organization, which serves the whole province) and its province over its own type. Every other area it counts
     * in is summed from these ({@link #withoutType}, {@link #national}): its province over all types and the country,
     * over its type and over all.
     */
    public static List<Area> of(ScoreSubmission submission) {
        int year = submission.getFiscalYear();
        List<Area> areas = new ArrayList<>(2);
        if (!OrganizationTypes.of(submission.getOrgType()).servesWholeProvince()) {
            areas.add(new Area(AreaLevel.DISTRICT, year, submission.getDistrictCode(), null));
        }
        areas.add(new Area(AreaLevel.PROVINCE, year, submission.getProvinceCode(), submission.getOrgType()));
        return areas;
    }

    /** A province over one organization type: the part the national sums are summed from. */
    public boolean isProvinceType() {
        return level == AreaLevel.PROVINCE && orgType != null;
    }

    /** The same area over every organization type. */
    public Area withoutType() {
        return new Area(level, fiscalYear, code, null);
    }

    /** The country over this area's organization type. */
    public Area national() {
        return new Area(AreaLevel.NATIONAL, fiscalYear, COUNTRY, orgType);
    }

    /**
     * The province whose task owns this area's sums: a province's own code, a district's first two digits (a Thai
     * district code begins with its province's). Any fixed function of the area would keep one writer per area; this
     * one puts an organization's district and province in one task, so that one record carries both updates.
     */
    public String owner() {
        if (level == AreaLevel.NATIONAL) {
            throw new IllegalStateException("the national areas are summed from the provinces, not owned by one");
        }
        return level == AreaLevel.DISTRICT && code.length() > 2 ? code.substring(0, 2) : code;
    }

    /** The key of the area's rollup on its topic: {@code <fiscalYear>/<areaCode>[/<orgType>]}. */
    public String topicKey() {
        return Topics.areaKey(fiscalYear, code, orgType);
    }

    /** The key inside the topology, {@code D|P|N/<topic key>}, so that areas of different levels never collide. */
    public String key() {
        return level.name().charAt(0) + "/" + topicKey();
    }

    /** The area of a {@link #key()}. */
    public static Area parse(String key) {
        String[] parts = key.split("/", 4);
        AreaLevel level = switch (parts[0]) {
            case "D" -> AreaLevel.DISTRICT;
            case "P" -> AreaLevel.PROVINCE;
            case "N" -> AreaLevel.NATIONAL;
            default -> throw new IllegalArgumentException("not an area key: " + key);
        };
        return new Area(level, Integer.parseInt(parts[1]), parts[2],
                parts.length == 4 ? OrganizationType.valueOf(parts[3]) : null);
    }
}
