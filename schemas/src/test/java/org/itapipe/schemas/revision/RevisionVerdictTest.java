package org.itapipe.schemas.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SubmissionScores;
import org.junit.jupiter.api.Test;

class RevisionVerdictTest {

    @Test
    void theFirstSubmissionAndAHigherRevisionAreNewer() {
        assertThat(RevisionVerdict.of(submission(1, "90.00"), Optional.empty())).isEqualTo(RevisionVerdict.NEWER);
        assertThat(RevisionVerdict.of(submission(2, "80.00"), current(1, "90.00")))
                .isEqualTo(RevisionVerdict.NEWER);
    }

    @Test
    void theSameRevisionWithTheSameScoresIsADuplicateWhateverItsEnvelope() {
        // Resent by an ingest that adds the card, against a record written before records carried one.
        ScoreSubmission again = ScoreSubmission.newBuilder(submission(2, "90.00")).setSubmissionId("other")
                .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z")).setSource(SubmissionSource.API)
                .setSourceReference("api:client-7").setCard(SubmissionScores.computed(MethodologyCatalog.builtIn()
                        .require(2568).score(SubmissionScores.indicators(submission(2, "90.00"))))).build();
        RevisionVerdict verdict = RevisionVerdict.of(again, current(2, "90.00"));
        assertThat(verdict).isEqualTo(RevisionVerdict.DUPLICATE);
        assertThat(verdict.refused()).isFalse();
    }

    @Test
    void theSameRevisionWithOtherScoresIsAConflictNamingTheNextRevision() {
        ScoreSubmission incoming = submission(2, "98.20");
        RevisionVerdict verdict = RevisionVerdict.of(incoming, current(2, "97.60"));
        assertThat(verdict).isEqualTo(RevisionVerdict.CONFLICT);
        assertThat(verdict.rule()).contains("revision-conflict");
        assertThat(verdict.explain(incoming, 2)).isEqualTo("revision: revision-conflict: revision 2 of 6190803/2568"
                + " already holds different scores; send a correction as revision 3 or higher");
    }

    @Test
    void aLowerRevisionIsStaleEvenWithTheSameScores() {
        ScoreSubmission incoming = submission(2, "90.00");
        RevisionVerdict verdict = RevisionVerdict.of(incoming, current(5, "90.00"));
        assertThat(verdict).isEqualTo(RevisionVerdict.STALE);
        assertThat(verdict.rule()).contains("stale-revision");
        assertThat(verdict.explain(incoming, 5)).isEqualTo("revision: stale-revision: revision 2 of 6190803/2568"
                + " is below the current revision 5; send a correction as revision 6 or higher");
    }

    @Test
    void againstTheStoredSubmissionTheVerdictIsTheSame() {
        Optional<ScoreSubmission> stored = Optional.of(submission(2, "90.00"));
        assertThat(RevisionVerdict.ofStored(submission(1, "90.00"), Optional.empty()))
                .isEqualTo(RevisionVerdict.NEWER);
        assertThat(RevisionVerdict.ofStored(submission(3, "90.00"), stored)).isEqualTo(RevisionVerdict.NEWER);
        assertThat(RevisionVerdict.ofStored(submission(2, "90.00"), stored)).isEqualTo(RevisionVerdict.DUPLICATE);
        assertThat(RevisionVerdict.ofStored(submission(2, "80.00"), stored)).isEqualTo(RevisionVerdict.CONFLICT);
        assertThat(RevisionVerdict.ofStored(submission(1, "90.00"), stored)).isEqualTo(RevisionVerdict.STALE);
    }

    @Test
    void judgingASubmissionLeavesItAsItWas() {
        ScoreSubmission incoming = submission(2, "90.00");
        ScoreSubmission before = ScoreSubmission.newBuilder(incoming).build();

        assertThat(RevisionVerdict.of(incoming, current(2, "90.00"))).isEqualTo(RevisionVerdict.DUPLICATE);
        CurrentRevision.of(incoming);

        assertThat(incoming).isEqualTo(before);
        assertThat(incoming.getSubmissionId()).isEqualTo("id-2");
    }

    private static ScoreSubmission submission(long revision, String firstIndicator) {
        return ScoreSubmission.newBuilder()
                .setSubmissionId("id-" + revision).setOrgCode("6190803").setOrgNameTh("องค์การบริหารส่วนตำบลบ้านกล้วย")
                .setOrgType(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION)
                .setDistrictCode("1908").setProvinceCode("19").setFiscalYear(2568).setRevision(revision)
                .setIndicators(IntStream.rangeClosed(1, 10).mapToObj(i -> new IndicatorScore(i,
                        new BigDecimal(i == 1 ? firstIndicator : "100.00"))).toList())
                .setItems(List.of()).setSource(SubmissionSource.CSV_IMPORT).setSourceReference("file.csv:2")
                .setSubmittedAt(Instant.parse("2025-10-15T03:00:00Z")).build();
    }

    private static Optional<CurrentRevision> current(long revision, String firstIndicator) {
        return Optional.of(CurrentRevision.of(submission(revision, firstIndicator)));
    }
}
