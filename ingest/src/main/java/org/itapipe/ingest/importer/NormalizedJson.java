package org.itapipe.ingest.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.itapipe.schemas.avro.ScoreSubmission;

/**
 * A submission as one line of JSON, the way it will be published: codes resolved, scores as two-decimal strings (so
 * 94.30 prints as "94.30", not 94.3), flags included. Its {@code orgCode, fiscalYear, revision, indicators, items,
 * reportedTotal, reportedLevel, orgNameTh} fields are the submission JSON the API and NDJSON import accept.
 */
public final class NormalizedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NormalizedJson() {
    }

    public static String of(ScoreSubmission submission) {
        ObjectNode node = JSON.createObjectNode()
                .put("submissionId", submission.getSubmissionId())
                .put("orgCode", submission.getOrgCode())
                .put("orgNameTh", submission.getOrgNameTh())
                .put("orgType", submission.getOrgType().name())
                .put("districtCode", submission.getDistrictCode())
                .put("provinceCode", submission.getProvinceCode())
                .put("fiscalYear", submission.getFiscalYear())
                .put("revision", submission.getRevision());
        ObjectNode indicators = node.putObject("indicators");
        submission.getIndicators().forEach(i -> indicators.put(Integer.toString(i.getIndicator()),
                i.getScore().toPlainString()));
        ObjectNode items = node.putObject("items");
        submission.getItems().forEach(item -> items.put(item.getCode(), item.getScore().toPlainString()));
        if (submission.getReportedTotal() != null) {
            node.put("reportedTotal", submission.getReportedTotal().toPlainString());
        }
        if (submission.getReportedLevel() != null) {
            node.put("reportedLevel", submission.getReportedLevel());
        }
        node.put("source", submission.getSource().name());
        node.put("sourceReference", submission.getSourceReference());
        var flags = node.putArray("flags");
        submission.getFlags().forEach(flag -> flags.addObject().put("field", flag.getField())
                .put("rule", flag.getRule()).put("message", flag.getMessage()));
        return node.toString();
    }
}
