package org.itapipe.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.avro.PreviousScoreSource;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private final AlertMessage messages = new AlertMessage(MethodologyCatalog.builtIn(), Geography.thailand(),
            SuggestedActions.builtIn(), Optional.of("https://ita.example/"));

    @Test
    void anOpenAlertSaysTheScoreTheThresholdAndWhereTheReportIs() {
        Notification open = messages.alert(alert(AlertState.OPEN, "50.00"));

        assertThat(open.subject()).isEqualTo("แจ้งเตือน ITA: องค์การบริหารส่วนตำบลบ้านกล้วย ข้อ o5 50.00 คะแนน");
        assertThat(open.text()).contains("ได้ 50.00 คะแนน", "ต่ำกว่าหรือเท่ากับเกณฑ์ 50.00 คะแนน",
                "https://ita.example/organizations/6190803/2568", "at or below the threshold of 50.00");
    }

    @Test
    void aWithdrawnAlertSaysTheRevisionNoLongerStatesTheItemAndEndsTheAlert() {
        Notification withdrawn = messages.alert(alert(AlertState.WITHDRAWN, "50.00"));

        assertThat(withdrawn.subject()).startsWith("ITA สิ้นสุดการแจ้งเตือน: องค์การบริหารส่วนตำบลบ้านกล้วย ข้อ o5");
        assertThat(withdrawn.text()).contains("ฉบับแก้ไขครั้งที่ 2 ไม่ได้ระบุคะแนนข้อนี้ (ครั้งก่อน 50.00)",
                "alert withdrawn", "revision 2 no longer states it (last stated 50.00)");
        assertThat(withdrawn.text()).doesNotContain("สูงกว่าเกณฑ์", "above the threshold");
        assertThat(AlertMessage.deliveryId(alert(AlertState.WITHDRAWN, "50.00"))).isEqualTo("6190803/2568/o5/WITHDRAWN/2");
    }

    private static OitAlert alert(AlertState state, String score) {
        return OitAlert.newBuilder().setState(state).setOrgCode("6190803")
                .setOrgNameTh("องค์การบริหารส่วนตำบลบ้านกล้วย").setDistrictCode("1908").setProvinceCode("19")
                .setFiscalYear(2568).setRevision(2).setItemCode("o5").setIndicator(9)
                .setScore(new BigDecimal(score)).setThreshold(new BigDecimal("50.00"))
                .setPreviousScoreFrom(PreviousScoreSource.NONE).setFell(false).setChangedAt(Instant.now()).build();
    }
}
