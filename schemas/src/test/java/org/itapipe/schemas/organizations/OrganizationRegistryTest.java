package org.itapipe.schemas.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.organizations.OrganizationRegistry.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationRegistryTest {

    private static final String HEADER = "dla_code,type,type_th,name_th,province_code,district_name_th,center_lat,"
            + "center_lon,area_km2\n";

    private final Geography geography = Geography.thailand();
    private final OrganizationRegistry dla = OrganizationRegistry.dla();

    @Test
    void theRegistryIsTheDlaListOfEveryLocalAdministrativeOrganizationByType() {
        Map<OrganizationType, Long> byType = dla.all().stream()
                .collect(Collectors.groupingBy(Organization::type, Collectors.counting()));

        assertThat(dla.all()).hasSize(7_849);
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(
                OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION, 5_300L,
                OrganizationType.SUBDISTRICT_MUNICIPALITY, 2_247L,
                OrganizationType.TOWN_MUNICIPALITY, 195L,
                OrganizationType.CITY_MUNICIPALITY, 30L,
                OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION, 76L,
                OrganizationType.SPECIAL_LOCAL_ADMINISTRATION, 1L));
        assertThat(dla.all()).noneMatch(org -> org.provinceCode().equals("10"));
    }

    @Test
    void nongDonHoldsExactlyItsFourOrganizationsWithFullNamesBuiltFromTheirType() {
        assertThat(dla.inDistrict("1908")).extracting(Organization::code, Organization::nameTh).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5190801", "เทศบาลตำบลหนองโดน"),
                org.assertj.core.groups.Tuple.tuple("6190802", "องค์การบริหารส่วนตำบลดอนทอง"),
                org.assertj.core.groups.Tuple.tuple("6190803", "องค์การบริหารส่วนตำบลบ้านกลับ"),
                org.assertj.core.groups.Tuple.tuple("6190804", "องค์การบริหารส่วนตำบลหนองโดน"));
        Organization banKlap = dla.find("6190803").orElseThrow();
        assertThat(banKlap.shortNameTh()).isEqualTo("อบต.บ้านกลับ");
        assertThat(banKlap.centre()).isPresent();
        assertThat(dla.find("2190101")).map(Organization::nameTh).contains("องค์การบริหารส่วนจังหวัดสระบุรี");
        assertThat(dla.find("3200408")).map(Organization::nameTh).contains("เมืองพัทยา");
    }

    @Test
    void everyDistrictCodeAgreesWithTheGeographyAndProvincialOrganizationsCountInNoDistrict() {
        assertThat(dla.all()).filteredOn(Organization::countsInDistrict).allSatisfy(org -> {
            assertThat(org.districtCode()).isEqualTo(org.code().substring(1, 5));
            assertThat(geography.district(org.districtCode())).isPresent();
        });
        assertThat(dla.all()).filteredOn(org -> !org.countsInDistrict()).hasSize(76)
                .allSatisfy(org -> assertThat(org.type())
                        .isEqualTo(OrganizationType.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION));
        assertThat(dla.inDistrict("3804")).isNotEmpty().allSatisfy(org ->
                assertThat(geography.district("3804").orElseThrow().nameTh()).isEqualTo("เซกา"));
    }

    @Test
    void aRowWhoseDistrictNameIsNotTheDistrictOfItsCodeFailsTheLoadWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orgs.csv");
        Files.writeString(file, HEADER
                + "6190803,subdistrict_admin_org,อบต.,บ้านกลับ,19,หนองโดน,,,\n"
                + "6190804,subdistrict_admin_org,อบต.,หนองโดน,19,บ้านหมอ,,,\n");

        assertThatThrownBy(() -> OrganizationRegistry.fromCsv(file, geography))
                .hasMessageContaining("line 3").hasMessageContaining("district_name_th 'บ้านหมอ'")
                .hasMessageContaining("district 1908 (หนองโดน)");
    }

    @Test
    void codesThatDoNotFitTheirTypeOrProvinceAreRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orgs.csv");
        Files.writeString(file, HEADER
                + "5190803,subdistrict_admin_org,อบต.,บ้านกลับ,19,หนองโดน,,,\n"
                + "619080,subdistrict_admin_org,อบต.,บ้านกลับ,19,หนองโดน,,,\n"
                + "6190803,subdistrict_admin_org,อบต.,บ้านกลับ,20,หนองโดน,,,\n"
                + "6190803,village,อบต.,บ้านกลับ,19,หนองโดน,,,\n");

        assertThatThrownBy(() -> OrganizationRegistry.fromCsv(file, geography))
                .hasMessageContaining("4 rows")
                .hasMessageContaining("line 2: dla_code 5190803 does not start with the digit of type")
                .hasMessageContaining("line 3: dla_code '619080' is not a 7-digit code")
                .hasMessageContaining("line 4: dla_code 6190803 digits 2-3 are not province_code 20")
                .hasMessageContaining("line 5: type 'village' is not one of");
    }

    @Test
    void aUsersOwnListReplacesTheRegistry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orgs.csv");
        Files.writeString(file, HEADER + "6190803,subdistrict_admin_org,อบต.,บ้านกลับ,19,หนองโดน,14.7,100.6,28.08\n"
                + "9190001,other,,สำนักงานทดลอง,19,หนองโดน,,,\n");

        OrganizationRegistry own = OrganizationRegistry.fromCsv(file, geography);

        assertThat(own.all()).hasSize(2);
        assertThat(own.find("9190001")).map(Organization::nameTh).contains("สำนักงานทดลอง");
        assertThat(own.find("6190803")).flatMap(Organization::areaKm2).map(Object::toString).contains("28.08");
    }

    @Test
    void theSeedReportsHeaderResolvesToBanKlapThroughItsDocumentedAlias() {
        Resolution resolution = dla.resolve("องค์การบริหารส่วนตำบล", "บ้านกล้วย", "อำเภอหนองโดน", "จังหวัดสระบุรี");

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Found.class, found -> {
            assertThat(found.organization().code()).isEqualTo("6190803");
            assertThat(found.aliasEvidence()).hasValueSatisfying(e -> assertThat(e).contains("อปต.บ้านกลับ"));
        });
        assertThat(dla.resolve("องค์การบริหารส่วนตำบล", "บ้านกลับ", "หนองโดน", "สระบุรี"))
                .isEqualTo(new Resolution.Found(dla.find("6190803").orElseThrow(), java.util.Optional.empty()));
        assertThat(dla.resolve("องค์การบริหารส่วนจังหวัด", "สระบุรี", "เมืองสระบุรี", "สระบุรี"))
                .isInstanceOfSatisfying(Resolution.Found.class,
                        found -> assertThat(found.organization().code()).isEqualTo("2190101"));
    }

    @Test
    void anUnresolvableHeaderNamesTheCandidatesConsidered() {
        Resolution resolution = dla.resolve("เทศบาลตำบล", "บ้านกลับ", "หนองโดน", "สระบุรี");

        assertThat(resolution).isInstanceOfSatisfying(Resolution.NotFound.class, notFound -> {
            assertThat(notFound.candidates()).extracting(Organization::code)
                    .containsExactly("5190801", "6190802", "6190803", "6190804");
            assertThat(notFound.message()).contains("is named เทศบาลตำบลบ้านกลับ")
                    .contains("6190803 องค์การบริหารส่วนตำบลบ้านกลับ");
        });
        assertThat(dla.resolve("อบต.", "บ้านกลับ", "หนองโดน", "ไม่มีจังหวัดนี้"))
                .isInstanceOfSatisfying(Resolution.NotFound.class,
                        notFound -> assertThat(notFound.reason()).contains("no province is named ไม่มีจังหวัดนี้"));
    }
}
