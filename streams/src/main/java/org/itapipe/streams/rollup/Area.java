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
     * The areas an organization-year counts in: its district (unless it is a provincial administrative
     * organization, which serves the whole province), its province and the country, each over all types and the
     * province and the country also over its own type.
     */
    public static List<Area> of(ScoreSubmission submission) {
        int year = submission.getFiscalYear();
        OrganizationType type = submission.getOrgType();
        List<Area> areas = new ArrayList<>(5);
        if (!OrganizationTypes.of(type).servesWholeProvince()) {
            areas.add(new Area(AreaLevel.DISTRICT, year, submission.getDistrictCode(), null));
        }
        areas.add(new Area(AreaLevel.PROVINCE, year, submission.getProvinceCode(), null));
        areas.add(new Area(AreaLevel.PROVINCE, year, submission.getProvinceCode(), type));
        areas.add(new Area(AreaLevel.NATIONAL, year, COUNTRY, null));
        areas.add(new Area(AreaLevel.NATIONAL, year, COUNTRY, type));
        return areas;
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
