package org.itapipe.schemas.geography;

/** ตำบล (แขวง in Bangkok): official 6-digit code, starting with its district's code. */
public record Subdistrict(String code, String nameTh, String nameEn, String districtCode, String provinceCode) {
}
