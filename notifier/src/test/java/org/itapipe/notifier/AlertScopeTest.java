package org.itapipe.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Function;
import org.itapipe.config.ConfigException;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.junit.jupiter.api.Test;

class AlertScopeTest {

    private static final Function<String, OrganizationType> TYPES = code -> code.startsWith("5")
            ? OrganizationType.SUBDISTRICT_MUNICIPALITY : OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION;

    @Test
    void eachAreaKindTakesItsOwnAlertsOnly() {
        OitAlert seed = alert("6190803", AlertState.OPEN, true);

        assertThat(AlertScope.parse(null, null, null, "x").includes(seed, TYPES)).isTrue();
        assertThat(AlertScope.parse("province:19", null, null, "x").includes(seed, TYPES)).isTrue();
        assertThat(AlertScope.parse("province:20", null, null, "x").includes(seed, TYPES)).isFalse();
        assertThat(AlertScope.parse("district:1908", null, null, "x").includes(seed, TYPES)).isTrue();
        assertThat(AlertScope.parse("district:1901", null, null, "x").includes(seed, TYPES)).isFalse();
        assertThat(AlertScope.parse("org:6190803", null, null, "x").includes(seed, TYPES)).isTrue();
        assertThat(AlertScope.parse("org:6190804", null, null, "x").includes(seed, TYPES)).isFalse();
    }

    @Test
    void typesAndSeverityNarrowTheScopeAndResolutionsAndWithdrawalsAlwaysPass() {
        AlertScope municipalities = AlertScope.parse("national", "subdistrict_municipality", null, "x");
        AlertScope fallen = AlertScope.parse("national", null, "fell", "x");

        assertThat(municipalities.includes(alert("5190801", AlertState.OPEN, true), TYPES)).isTrue();
        assertThat(municipalities.includes(alert("6190803", AlertState.OPEN, true), TYPES)).isFalse();
        assertThat(fallen.includes(alert("6190803", AlertState.OPEN, true), TYPES)).isTrue();
        assertThat(fallen.includes(alert("6190803", AlertState.OPEN, false), TYPES)).as("already low").isFalse();
        assertThat(fallen.includes(alert("6190803", AlertState.RESOLVED, false), TYPES)).isTrue();
        assertThat(fallen.includes(alert("6190803", AlertState.WITHDRAWN, false), TYPES)).isTrue();
    }

    @Test
    void aBadScopeNamesTheSettingAndTheRule() {
        assertThatThrownBy(() -> AlertScope.parse("province:1", null, null, "notifier.webhook.a"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("notifier.webhook.a.scope 'province:1'");
        assertThatThrownBy(() -> AlertScope.parse(null, "village", null, "notifier.email.b"))
                .hasMessageContaining("notifier.email.b.types: 'village'");
        assertThatThrownBy(() -> AlertScope.parse(null, null, "high", "notifier.email.b"))
                .hasMessageContaining("notifier.email.b.severity 'high' is any or fell");
    }

    private static OitAlert alert(String org, AlertState state, boolean fell) {
        return OitAlert.newBuilder().setState(state).setOrgCode(org).setOrgNameTh("x").setDistrictCode("1908")
                .setProvinceCode("19").setFiscalYear(2568).setRevision(1).setItemCode("o5").setIndicator(9)
                .setScore(new BigDecimal("50.00")).setThreshold(new BigDecimal("50.00"))
                .setPreviousScoreFrom(PreviousScoreSource.NONE).setFell(fell).setChangedAt(Instant.now()).build();
    }
}
