package org.itapipe.sink.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.topics.Topics;

/**
 * The JSON body of a notification: the alert's facts, a delivery id (the same for every retry, so a receiver can
 * drop a repeat), and a message in Thai and in English naming the organization, the item, the score and the previous
 * score. Scores travel as two-decimal strings.
 */
public final class AlertMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MethodologyCatalog methodologies;

    public AlertMessage(MethodologyCatalog methodologies) {
        this.methodologies = methodologies;
    }

    /** Unique per alert state change: key, state and the revision that caused it. */
    public static String deliveryId(OitAlert alert) {
        return Topics.alertKey(alert.getOrgCode(), alert.getFiscalYear(), alert.getItemCode()) + "/"
                + alert.getState() + "/" + alert.getRevision();
    }

    public String json(OitAlert alert) {
        Optional<Item> item = methodologies.forYear(alert.getFiscalYear()).flatMap(m -> m.item(alert.getItemCode()));
        ObjectNode body = JSON.createObjectNode()
                .put("deliveryId", deliveryId(alert))
                .put("state", alert.getState().name())
                .put("orgCode", alert.getOrgCode())
                .put("orgNameTh", alert.getOrgNameTh())
                .put("districtCode", alert.getDistrictCode())
                .put("provinceCode", alert.getProvinceCode())
                .put("fiscalYear", alert.getFiscalYear())
                .put("itemCode", alert.getItemCode())
                .put("itemNameTh", item.map(Item::nameTh).orElse(null))
                .put("itemNameEn", item.map(Item::nameEn).orElse(null))
                .put("score", alert.getScore().toPlainString())
                .put("previousScore", alert.getPreviousScore() == null ? null : alert.getPreviousScore().toPlainString())
                .put("threshold", alert.getThreshold().toPlainString())
                .put("fell", alert.getFell());
        body.put("messageTh", thai(alert, item));
        body.put("messageEn", english(alert, item));
        return body.toString();
    }

    private static String thai(OitAlert alert, Optional<Item> item) {
        String name = item.map(Item::nameTh).map(n -> " (" + n + ")").orElse("");
        String previous = alert.getPreviousScore() == null ? "" : " (ครั้งก่อน " + alert.getPreviousScore() + ")";
        return alert.getState() == AlertState.OPEN
                ? "แจ้งเตือน ITA ปีงบประมาณ " + alert.getFiscalYear() + ": " + alert.getOrgNameTh() + " ข้อ "
                        + alert.getItemCode() + name + " ได้ " + alert.getScore() + " คะแนน" + previous
                        + " ต่ำกว่าหรือเท่ากับเกณฑ์ " + alert.getThreshold() + " คะแนน โปรดปรับปรุงการเปิดเผยข้อมูล"
                : "ITA ปีงบประมาณ " + alert.getFiscalYear() + ": " + alert.getOrgNameTh() + " ข้อ "
                        + alert.getItemCode() + name + " ได้ " + alert.getScore() + " คะแนน" + previous
                        + " สูงกว่าเกณฑ์แล้ว การแจ้งเตือนสิ้นสุด";
    }

    private static String english(OitAlert alert, Optional<Item> item) {
        String name = item.map(Item::nameEn).map(n -> " (" + n + ")").orElse("");
        String previous = alert.getPreviousScore() == null ? "" : " (previously " + alert.getPreviousScore() + ")";
        return alert.getState() == AlertState.OPEN
                ? "ITA FY " + alert.getFiscalYear() + " alert: " + alert.getOrgNameTh() + " (" + alert.getOrgCode()
                        + "), item " + alert.getItemCode() + name + " scored " + alert.getScore() + previous
                        + ", at or below the threshold of " + alert.getThreshold() + "; please fix the disclosure."
                : "ITA FY " + alert.getFiscalYear() + " alert resolved: " + alert.getOrgNameTh() + " ("
                        + alert.getOrgCode() + "), item " + alert.getItemCode() + name + " now scores "
                        + alert.getScore() + previous + ", above the threshold of " + alert.getThreshold() + ".";
    }
}
