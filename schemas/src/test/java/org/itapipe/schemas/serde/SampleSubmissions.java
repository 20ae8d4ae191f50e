package org.itapipe.schemas.serde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;

/** The seed organization's FY 2568 result (Ban Kluai SAO, Nong Don, Saraburi) as a submission record. */
final class SampleSubmissions {

    private static final String[] INDICATOR_SCORES =
            {"100.00", "100.00", "100.00", "100.00", "100.00", "99.33", "99.33", "99.33", "82.50", "90.00"};

    private SampleSubmissions() {
    }

    static ScoreSubmission banKluai2568() {
        return ScoreSubmission.newBuilder()
                .setSubmissionId("2f1c1f9e-5d7a-4a53-9d0b-3f1f0c5a2568")
                .setOrgCode("6190803")
                .setOrgNameTh("องค์การบริหารส่วนตำบลบ้านกล้วย")
                .setOrgNameEn("Ban Kluai Subdistrict Administrative Organization")
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                .setSubdistrictCode("6190803")
                .setDistrictCode("1908")
                .setProvinceCode("19")
                .setFiscalYear(2568)
                .setRevision(1L)
                .setIndicators(IntStream.range(0, 10)
                        .mapToObj(i -> new IndicatorScore(i + 1, new BigDecimal(INDICATOR_SCORES[i])))
                        .toList())
                .setItems(List.of(new ItemScore("o5", new BigDecimal("50.00")),
                        new ItemScore("o25", new BigDecimal("10.00"))))
                .setReportedTotal(new BigDecimal("94.30"))
                .setReportedLevel("ผ่านดี")
                .setSource(SubmissionSource.REPORT_IMPORT)
                .setSourceReference("ban-kluai-2568-analysis.txt")
                .setSubmittedAt(Instant.parse("2025-10-15T03:00:00Z"))
                .build();
    }
}
