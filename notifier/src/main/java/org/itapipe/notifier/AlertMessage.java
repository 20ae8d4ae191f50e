package org.itapipe.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.util.HtmlEscaper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itapipe.schemas.avro.AlertState;
import org.itapipe.schemas.avro.OitAlert;
import org.itapipe.schemas.geography.District;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.geography.Province;
import org.itapipe.schemas.methodology.Item;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.itapipe.schemas.topics.Topics;

/**
 * What a notification says, so that people can act on it: the organization, its district and province, the item's
 * Thai name, the score and the previous score, what to publish to fix it (ita-<year>-actions.json), and a link to
 * the organization's report where {@code notifier.web-url} names the web service. Thai first, then English; scores
 * as two-decimal strings. Digests summarize a destination's scope the same way.
 */
public final class AlertMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MethodologyCatalog methodologies;
    private final Geography geography;
    private final SuggestedActions actions;
    private final Optional<String> webUrl;

    public AlertMessage(MethodologyCatalog methodologies, Geography geography, SuggestedActions actions,
                        Optional<String> webUrl) {
        this.methodologies = methodologies;
        this.geography = geography;
        this.actions = actions;
        this.webUrl = webUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Unique per alert state change: key, state and the revision that caused it. */
    public static String deliveryId(OitAlert alert) {
        return Topics.alertKey(alert.getOrgCode(), alert.getFiscalYear(), alert.getItemCode()) + "/"
                + alert.getState() + "/" + alert.getRevision();
    }

    public Notification alert(OitAlert alert) {
        Optional<Item> item = methodologies.forYear(alert.getFiscalYear()).flatMap(m -> m.item(alert.getItemCode()));
        Optional<String> action = actions.forItem(alert.getFiscalYear(), alert.getItemCode());
        Optional<String> report = reportUrl(alert.getOrgCode(), alert.getFiscalYear());
        ObjectNode body = JSON.createObjectNode()
                .put("kind", "alert")
                .put("deliveryId", deliveryId(alert))
                .put("state", alert.getState().name())
                .put("orgCode", alert.getOrgCode())
                .put("orgNameTh", alert.getOrgNameTh())
                .put("districtCode", alert.getDistrictCode())
                .put("districtNameTh", districtName(alert.getDistrictCode()))
                .put("provinceCode", alert.getProvinceCode())
                .put("provinceNameTh", provinceName(alert.getProvinceCode()))
                .put("fiscalYear", alert.getFiscalYear())
                .put("itemCode", alert.getItemCode())
                .put("itemNameTh", item.map(Item::nameTh).orElse(null))
                .put("itemNameEn", item.map(Item::nameEn).orElse(null))
                .put("score", alert.getScore().toPlainString())
                .put("previousScore", alert.getPreviousScore() == null ? null : alert.getPreviousScore().toPlainString())
                .put("threshold", alert.getThreshold().toPlainString())
                .put("fell", alert.getFell())
                .put("actionTh", action.orElse(null))
                .put("reportUrl", report.orElse(null));
        String thai = thai(alert, item);
        String english = english(alert, item);
        body.put("messageTh", thai);
        body.put("messageEn", english);
        String place = "อำเภอ" + districtName(alert.getDistrictCode()) + " จังหวัด" + provinceName(alert.getProvinceCode());
        String todo = action.map(a -> "สิ่งที่ควรเผยแพร่: " + a).orElse("");
        String text = String.join("\n", List.of(thai, place, todo, report.map(r -> "รายงาน: " + r).orElse(""), "",
                english)).replaceAll("\n{3,}", "\n\n").strip() + "\n";
        String html = "<p>" + escape(thai) + "</p><p>" + escape(place) + "</p>"
                + (todo.isEmpty() ? "" : "<p><strong>" + escape(todo) + "</strong></p>")
                + report.map(r -> "<p><a href=\"" + escape(r) + "\">" + escape(r) + "</a></p>").orElse("")
                + "<hr><p>" + escape(english) + "</p>";
        String subject = (alert.getState() == AlertState.OPEN ? "แจ้งเตือน ITA: " : "ITA สิ้นสุดการแจ้งเตือน: ")
                + alert.getOrgNameTh() + " ข้อ " + alert.getItemCode() + " " + alert.getScore().toPlainString()
                + " คะแนน";
        return new Notification(deliveryId(alert), subject, text, html, body.toString());
    }

    /** The digest of one destination's scope at {@code now}. */
    public Notification digest(Destination destination, Digest digest, Instant now) {
        String id = "digest/" + destination.name() + "/" + now.toEpochMilli();
        ObjectNode body = JSON.createObjectNode()
                .put("kind", "digest")
                .put("deliveryId", id)
                .put("destination", destination.name())
                .put("scope", destination.scope().toString())
                .put("since", digest.since().map(Instant::toString).orElse(null))
                .put("until", now.toString())
                .put("open", digest.open().size())
                .put("newSinceLast", digest.opened().size())
                .put("resolvedSinceLast", digest.resolved().size());
        ArrayNode worst = body.putArray("worst");
        digest.worst().forEach(alert -> worst.add(JSON.createObjectNode().put("orgCode", alert.getOrgCode())
                .put("orgNameTh", alert.getOrgNameTh()).put("fiscalYear", alert.getFiscalYear())
                .put("itemCode", alert.getItemCode()).put("score", alert.getScore().toPlainString())));
        String thai = "สรุปการแจ้งเตือน ITA (" + destination.scope() + "): เปิดอยู่ " + digest.open().size()
                + " รายการ ใหม่ " + digest.opened().size() + " สิ้นสุด " + digest.resolved().size();
        String english = "ITA alert digest (" + destination.scope() + "): " + digest.open().size() + " open, "
                + digest.opened().size() + " new and " + digest.resolved().size() + " resolved since the last digest";
        StringBuilder lines = new StringBuilder();
        digest.worst().forEach(alert -> lines.append("- ").append(alert.getOrgNameTh()).append(" ข้อ ")
                .append(alert.getItemCode()).append(" ").append(alert.getScore().toPlainString()).append('\n'));
        body.put("messageTh", thai).put("messageEn", english);
        return new Notification(id, thai, thai + "\n" + lines + "\n" + english + "\n",
                "<p>" + escape(thai) + "</p><pre>" + escape(lines.toString()) + "</pre><hr><p>" + escape(english)
                        + "</p>", body.toString());
    }

    /** What a digest counts: the open alerts now, those opened and resolved since the last digest, the lowest. */
    public record Digest(Optional<Instant> since, List<OitAlert> open, List<OitAlert> opened,
                         List<OitAlert> resolved, List<OitAlert> worst) {
    }

    private Optional<String> reportUrl(String orgCode, int fiscalYear) {
        return webUrl.map(base -> base + "/organizations/" + orgCode + "/" + fiscalYear);
    }

    private String districtName(String code) {
        return geography.district(code).map(District::nameTh).orElse(code);
    }

    private String provinceName(String code) {
        return geography.province(code).map(Province::nameTh).orElse(code);
    }

    private static String thai(OitAlert alert, Optional<Item> item) {
        String name = item.map(Item::nameTh).map(n -> " (" + n + ")").orElse("");
        String previous = alert.getPreviousScore() == null ? "" : " (ครั้งก่อน " + score(alert.getPreviousScore()) + ")";
        String subject = alert.getOrgNameTh() + " ข้อ " + alert.getItemCode() + name;
        if (alert.getState() == AlertState.WITHDRAWN) {
            return "ITA ปีงบประมาณ " + alert.getFiscalYear() + ": " + subject + " ฉบับแก้ไขครั้งที่ "
                    + alert.getRevision() + " ไม่ได้ระบุคะแนนข้อนี้ (ครั้งก่อน " + score(alert.getScore())
                    + ") การแจ้งเตือนสิ้นสุด";
        }
        return alert.getState() == AlertState.OPEN
                ? "แจ้งเตือน ITA ปีงบประมาณ " + alert.getFiscalYear() + ": " + subject + " ได้ "
                        + score(alert.getScore()) + " คะแนน" + previous + " ต่ำกว่าหรือเท่ากับเกณฑ์ "
                        + score(alert.getThreshold()) + " คะแนน โปรดปรับปรุงการเปิดเผยข้อมูล"
                : "ITA ปีงบประมาณ " + alert.getFiscalYear() + ": " + subject + " ได้ " + score(alert.getScore())
                        + " คะแนน" + previous + " สูงกว่าเกณฑ์แล้ว การแจ้งเตือนสิ้นสุด";
    }

    private static String english(OitAlert alert, Optional<Item> item) {
        String name = item.map(Item::nameEn).map(n -> " (" + n + ")").orElse("");
        String previous = alert.getPreviousScore() == null ? "" : " (previously " + score(alert.getPreviousScore()) + ")";
        if (alert.getState() == AlertState.WITHDRAWN) {
            return "ITA FY " + alert.getFiscalYear() + " alert withdrawn: " + alert.getOrgNameTh() + " ("
                    + alert.getOrgCode() + "), item " + alert.getItemCode() + name + ": revision "
                    + alert.getRevision() + " no longer states it (last stated " + score(alert.getScore()) + ").";
        }
        return alert.getState() == AlertState.OPEN
                ? "ITA FY " + alert.getFiscalYear() + " alert: " + alert.getOrgNameTh() + " (" + alert.getOrgCode()
                        + "), item " + alert.getItemCode() + name + " scored " + score(alert.getScore()) + previous
                        + ", at or below the threshold of " + score(alert.getThreshold()) + "; please fix the disclosure."
                : "ITA FY " + alert.getFiscalYear() + " alert resolved: " + alert.getOrgNameTh() + " ("
                        + alert.getOrgCode() + "), item " + alert.getItemCode() + name + " now scores "
                        + score(alert.getScore()) + previous + ", above the threshold of " + score(alert.getThreshold())
                        + ".";
    }

    private static String score(BigDecimal score) {
        return score.toPlainString();
    }

    private static String escape(String text) {
        StringWriter out = new StringWriter();
        HtmlEscaper.escape(text, out);
        return out.toString();
    }
}
