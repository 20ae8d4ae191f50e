package org.itapipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.junit.jupiter.api.Test;

/** The four scopes of an API key: how they are written and which organizations each covers. */
class ScopeTest {

    /** Ban Klang subdistrict administrative organization: district 1908 (Phra Phutthabat), province 19 (Saraburi). */
    private static final ScoreSubmission BAN_KLANG = ScoreSubmission.newBuilder().setSubmissionId("s")
            .setOrgCode("6190803").setOrgNameTh("องค์การบริหารส่วนตำบลบ้านกลับ")
            .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION).setDistrictCode("1908")
            .setProvinceCode("19").setFiscalYear(2568).setRevision(1).setIndicators(List.of())
            .setSource(SubmissionSource.API).setSubmittedAt(Instant.EPOCH).build();

    @Test
    void eachScopeReadsBackAsItIsWrittenWhateverTheCaseAndSpaces() {
        for (String text : List.of("organization:6190803", "district:1908", "province:19", "national")) {
            assertThat(Scope.parse(text).text()).isEqualTo(text);
            assertThat(Scope.parse("  " + text.toUpperCase() + " ").text()).isEqualTo(text);
        }
    }

    @Test
    void aScopeCoversItsOrganizationsAndNoOthers() {
        assertThat(Scope.parse("organization:6190803").covers(BAN_KLANG)).isTrue();
        assertThat(Scope.parse("organization:6190804").covers(BAN_KLANG)).isFalse();
        assertThat(Scope.parse("district:1908").covers(BAN_KLANG)).isTrue();
        assertThat(Scope.parse("district:1907").covers(BAN_KLANG)).isFalse();
        assertThat(Scope.parse("province:19").covers(BAN_KLANG)).isTrue();
        assertThat(Scope.parse("province:16").covers(BAN_KLANG)).isFalse();
        assertThat(Scope.parse("national").covers(BAN_KLANG)).isTrue();
    }

    @Test
    void aMalformedScopeIsRefusedSayingWhatIsAccepted() {
        for (String text : List.of("province:190", "district:19", "organization:", "region:1", "province:ab", "")) {
            assertThatThrownBy(() -> Scope.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scope '" + text + "' must be organization:<code>, district:<4 digits>, "
                            + "province:<2 digits> or national");
        }
    }
}
