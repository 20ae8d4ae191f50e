package org.itapipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.itapipe.config.ConfigSource;
import org.itapipe.ingest.validation.FieldError;
import org.itapipe.ingest.validation.RawSubmission;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.SubmissionSource;
import org.itapipe.schemas.organizations.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which organizations the validator knows: the DLA registry, or the user's own list named by a setting. */
class ReferenceDataTest {

    @Test
    void withoutTheSettingEveryDlaOrganizationIsKnown() {
        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.from(ConfigSource.of(Map.of(),
                Map.of()));

        assertThat(reference.organizations().all()).hasSize(7_849);
    }

    @Test
    void organizationsFileReplacesTheRegistryForTheValidator(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("own.csv");
        Files.writeString(file, "dla_code,type,name_th,province_code,district_name_th\n"
                + "9190001,other,สำนักงานตัวอย่าง,19,หนองโดน\n");

        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.from(ConfigSource.of(Map.of(),
                Map.of(ConfigSource.envName(IngestApplication.ReferenceData.ORGANIZATIONS_FILE), file.toString())));

        assertThat(reference.organizations().all()).extracting(Organization::code).containsExactly("9190001");
        assertThat(validate(reference, "9190001")).isInstanceOf(Validation.Valid.class);
        assertThat(validate(reference, "6190803")).isInstanceOfSatisfying(Validation.Invalid.class, invalid ->
                assertThat(invalid.errors()).extracting(FieldError::field, FieldError::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("orgCode", Rules.KNOWN_ORGANIZATION)));
    }

    @Test
    void aNewFiscalYearLoadsFromTheMethodologyDirectoryWithoutARebuild(@TempDir Path dir) throws IOException {
        String fy2568 = new String(getClass().getResourceAsStream("/org/itapipe/schemas/methodology/ita-2568.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ita-2569.json"), fy2568.replace("\"fiscalYear\": 2568", "\"fiscalYear\": 2569"));

        IngestApplication.ReferenceData reference = IngestApplication.ReferenceData.from(ConfigSource.of(
                Map.of(IngestApplication.ReferenceData.METHODOLOGY_DIR, dir.toString()), Map.of()));

        assertThat(reference.methodologies().years()).contains(2567, 2568, 2569);
        assertThat(reference.validator().validate(raw("6190803", "2569"))).isInstanceOf(Validation.Valid.class);
    }

    private static RawSubmission raw(String orgCode, String year) {
        return new RawSubmission(orgCode, null, year, null,
                java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(n -> new RawSubmission.RawScore(
                        Integer.toString(n), "90")).toList(), java.util.List.of(), null, null, SubmissionSource.API,
                "test", java.util.List.of());
    }

    private static Validation validate(IngestApplication.ReferenceData reference, String orgCode) {
        return reference.validator().validate(raw(orgCode, "2567"));
    }
}
