package org.itapipe.schemas.geography;

/** จังหวัด: official 2-digit code. */
public record Province(String code, String nameTh, String nameEn) {
}
