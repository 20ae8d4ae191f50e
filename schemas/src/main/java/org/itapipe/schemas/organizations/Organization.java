package org.itapipe.schemas.organizations;

import org.itapipe.schemas.avro.OrganizationType;

/** A local administrative organization that submits ITA results, with the place it belongs to. */
public record Organization(String code, String nameTh, String nameEn, OrganizationType type, String subdistrictCode,
                           String districtCode, String provinceCode) {
}
