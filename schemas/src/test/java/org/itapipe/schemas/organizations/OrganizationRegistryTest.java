package org.itapipe.schemas.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.Geography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizationRegistryTest {

    private final Geography geography = Geography.thailand();

    @Test
    void theStandInHasOneSaoPerSubdistrictOutsideBangkokCodedLikeTheSubdistrict() {
        OrganizationRegistry registry = OrganizationRegistry.standIn(geography);

        Organization banKlap = registry.find("190802").orElseThrow();
        assertThat(banKlap.nameTh()).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
        assertThat(banKlap.districtCode()).isEqualTo("1908");
        assertThat(banKlap.provinceCode()).isEqualTo("19");
        assertThat(registry.all()).hasSize(geography.subdistricts().size() - geography.subdistrictsOfProvince("10").size());
        assertThat(registry.find("100101")).isEmpty();
    }

    @Test
    void aRealListReplacesTheStandIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orgs.csv");
        Files.writeString(file, """
                org_code,org_name_th,org_name_en,org_type,subdistrict_code
                6190802,เทศบาลตำบลบ้านกลับ,Ban Klap Subdistrict Municipality,subdistrict_municipality,190802
                """);

        OrganizationRegistry registry = OrganizationRegistry.fromCsv(file, geography);

        assertThat(registry.find("6190802")).map(Organization::type)
                .contains(OrganizationType.SUBDISTRICT_MUNICIPALITY);
        assertThat(registry.seatedIn("190802")).map(Organization::code).contains("6190802");
    }

    @Test
    void aListNamingAnUnknownSubdistrictIsRefusedWithTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("orgs.csv");
        Files.writeString(file, "org_code,org_name_th,org_name_en,org_type,subdistrict_code\n1,x,x,OTHER,999999\n");

        assertThatThrownBy(() -> OrganizationRegistry.fromCsv(file, geography))
                .hasMessageContaining("line 1").hasMessageContaining("999999");
    }
}
