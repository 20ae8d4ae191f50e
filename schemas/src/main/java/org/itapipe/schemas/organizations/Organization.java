package org.itapipe.schemas.organizations;

import java.math.BigDecimal;
import java.util.Optional;
import org.itapipe.schemas.avro.OrganizationType;

/**
 * An organization that submits ITA results, as its registry lists it: the 7-digit DLA code, the type, the name
 * without the type's prefix ({@code nameTh} bare, e.g. บ้านกลับ), its district and province, and where the registry
 * knows them its centre and area. For a provincial administrative organization the district is the seat of its
 * office; it counts in its province's figures, never in a district's.
 */
public record Organization(String code, OrganizationType type, String bareNameTh, String districtCode,
                           String provinceCode, Optional<Coordinates> centre, Optional<BigDecimal> areaKm2) {

    /** A point in WGS 84 degrees. */
    public record Coordinates(double latitude, double longitude) {
    }

    /** The full Thai name built from the type: องค์การบริหารส่วนตำบลบ้านกลับ. */
    public String nameTh() {
        return types().fullNameTh(bareNameTh);
    }

    /** The abbreviated Thai name: อบต.บ้านกลับ. */
    public String shortNameTh() {
        return types().shortNameTh(bareNameTh);
    }

    /** Counted in its district's figures: every type but the provincial administrative organization. */
    public boolean countsInDistrict() {
        return !types().servesWholeProvince();
    }

    private OrganizationTypes types() {
        return OrganizationTypes.of(type);
    }
}
