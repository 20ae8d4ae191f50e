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
    void exactNamesResolveWithoutAlias() {
        PlaceMatch match = thailand.resolve("ตำบลบ้านกลับ", "อำเภอหนองโดน", "จังหวัดสระบุรี").orElseThrow();

        assertThat(match.subdistrict().code()).isEqualTo("190802");
        assertThat(match.aliasEvidence()).isEmpty();
    }

    @Test
    void theSeedOrganizationResolvesToNongDonSaraburiThroughADocumentedAlias() {
        PlaceMatch match = thailand.resolve("บ้านกล้วย", "หนองโดน", "สระบุรี").orElseThrow();

        assertThat(match.subdistrict().districtCode()).isEqualTo("1908");
        assertThat(match.subdistrict().provinceCode()).isEqualTo("19");
        assertThat(thailand.district("1908")).map(District::nameTh).contains("หนองโดน");
        assertThat(thailand.province("19")).map(Province::nameTh).contains("สระบุรี");
        assertThat(match.aliasEvidence()).hasValueSatisfying(evidence -> assertThat(evidence).contains("บ้านกลับ"));
    }

    @Test
    void aNameInTheWrongDistrictDoesNotResolve() {
        assertThat(thailand.resolve("บ้านกล้วย", "บ้านหมี่", "สระบุรี")).isEmpty();
    }
}
