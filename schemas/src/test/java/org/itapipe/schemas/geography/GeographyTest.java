package org.itapipe.schemas.geography;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeographyTest {

    private final Geography thailand = Geography.thailand();

    @Test
    void everyProvinceDistrictAndSubdistrictIsThere() {
        assertThat(thailand.provinces()).hasSize(77);
        assertThat(thailand.districts()).hasSize(928);
        assertThat(thailand.subdistricts()).hasSizeBetween(7_400, 7_500);
    }

    @Test
    void bangkoksKhetAndKhwaengAreIncluded() {
        assertThat(thailand.province("10")).map(Province::nameTh).contains("กรุงเทพมหานคร");
        assertThat(thailand.districtsOf("10")).hasSize(50);
    }

    @Test
    void codesNestProvinceDistrictSubdistrict() {
        assertThat(thailand.subdistricts()).allSatisfy(s -> {
            assertThat(s.code()).matches("\\d{6}").startsWith(s.districtCode());
            assertThat(s.districtCode()).matches("\\d{4}").startsWith(s.provinceCode());
        });
    }

    @Test
    void placesAreFoundByTheNamesDocumentsWrite() {
        assertThat(thailand.provinceNamed("จังหวัดสระบุรี")).map(Province::code).contains("19");
        assertThat(thailand.districtNamed("19", "อำเภอหนองโดน")).map(District::code).contains("1908");
        assertThat(thailand.districtNamed("19", "หนองโดน")).map(District::code).contains("1908");
        assertThat(thailand.districtNamed("10", "หนองโดน")).isEmpty();
    }

    @Test
    void buengKanCarriesDopaDistrictCodes() {
        assertThat(thailand.districtsOf("38")).extracting(District::code, District::nameTh).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3801", "เมืองบึงกาฬ"),
                org.assertj.core.groups.Tuple.tuple("3802", "พรเจริญ"),
                org.assertj.core.groups.Tuple.tuple("3803", "โซ่พิสัย"),
                org.assertj.core.groups.Tuple.tuple("3804", "เซกา"),
                org.assertj.core.groups.Tuple.tuple("3805", "ปากคาด"),
                org.assertj.core.groups.Tuple.tuple("3806", "บึงโขงหลง"),
                org.assertj.core.groups.Tuple.tuple("3807", "ศรีวิไล"),
                org.assertj.core.groups.Tuple.tuple("3808", "บุ่งคล้า"));
        assertThat(thailand.subdistrict("380101")).map(Subdistrict::nameTh).contains("บึงกาฬ");
    }
}
