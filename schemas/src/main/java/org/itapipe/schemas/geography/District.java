package org.itapipe.schemas.geography;

/** อำเภอ (เขต in Bangkok): official 4-digit code, starting with its province's code. */
public record District(String code, String nameTh, String nameEn, String provinceCode) {
}
