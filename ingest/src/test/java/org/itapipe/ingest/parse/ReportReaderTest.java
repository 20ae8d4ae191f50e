package org.itapipe.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.itapipe.ingest.Fixtures;
import org.itapipe.ingest.validation.Rules;
import org.itapipe.ingest.validation.Validation;
import org.itapipe.schemas.avro.Flag;
import org.itapipe.schemas.avro.IndicatorScore;
import org.itapipe.schemas.avro.ItemScore;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.junit.jupiter.api.Test;

/** The real FY 2568 report of อบต.บ้านกลับ (it calls itself บ้านกล้วย), read as a user's import reads it. */
class ReportReaderTest {

    private final ReportReader reader = new ReportReader(Fixtures.ORGANIZATIONS);

    private ParsedRecord.Parsed readSeed() {
        List<ParsedRecord> records = reader.read(new StringReader(Fixtures.seedReport()), "seed.txt").toList();
        assertThat(records).singleElement().isInstanceOf(ParsedRecord.Parsed.class);
        return (ParsedRecord.Parsed) records.get(0);
    }

    private ScoreSubmission validSeed() {
        Validation validation = Fixtures.validator().validate(readSeed().submission());
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) validation).submission();
    }

    @Test
    void theSeedIsBanKlapOfNongDonSaraburiForFiscalYear2568UnderTheRegistrysName() {
        ScoreSubmission seed = validSeed();

        assertThat(seed.getOrgCode()).isEqualTo("6190803");
        assertThat(seed.getOrgNameTh()).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
        assertThat(seed.getOrgType()).isEqualTo(OrganizationType.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION);
        assertThat(seed.getFlags()).filteredOn(flag -> flag.getRule().equals(Rules.NAME_AS_REGISTERED))
                .singleElement().satisfies(flag -> {
                    assertThat(flag.getField()).isEqualTo("orgNameTh");
                    assertThat(flag.getMessage()).contains("องค์การบริหารส่วนตำบลบ้านกล้วย");
                });
        assertThat(seed.getDistrictCode()).isEqualTo("1908");
        assertThat(seed.getProvinceCode()).isEqualTo("19");
        assertThat(seed.getFiscalYear()).isEqualTo(2568);
    }

    @Test
    void theSeedsTotalLevelAndIndicatorsAreReadExactly() {
        ScoreSubmission seed = validSeed();

        assertThat(seed.getReportedTotal()).hasToString("94.30");
        assertThat(seed.getReportedLevel()).isEqualTo("ผ่านดี");
        assertThat(seed.getIndicators()).extracting(IndicatorScore::getScore).extracting(BigDecimal::toPlainString)
                .containsExactly("100.00", "100.00", "100.00", "100.00", "100.00", "99.33", "99.33", "99.33",
                        "82.50", "90.00");
    }

    @Test
    void everyOitItemOfTheSeedIsReadWithSixAtFiftyAndO25AtTen() {
        Map<String, String> items = validSeed().getItems().stream()
                .collect(Collectors.toMap(ItemScore::getCode, item -> item.getScore().toPlainString()));

        assertThat(items.keySet()).contains("o1", "o20", "o21", "o28", "e1", "e9");
        assertThat(items.entrySet().stream().filter(e -> e.getKey().startsWith("o")).count()).isEqualTo(28);
        assertThat(items.entrySet().stream().filter(e -> e.getValue().equals("50.00")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("o5", "o6", "o7", "o12", "o19", "o23");
        assertThat(items).containsEntry("o25", "10.00");
    }

    @Test
    void theSeedsInconsistenciesAreFlaggedNotFixed() {
        ScoreSubmission seed = validSeed();

        assertThat(seed.getFlags()).extracting(Flag::getRule).contains(Rules.ORGANIZATION_THROUGH_ALIAS,
                Rules.ITEM_STATED_CONSISTENTLY, Rules.ITEM_MEAN_MATCHES);
        assertThat(seed.getFlags()).extracting(Flag::getRule).doesNotContain(Rules.REPORTED_TOTAL_MATCHES);
        assertThat(seed.getItems()).filteredOn(item -> item.getCode().equals("e1"))
                .extracting(item -> item.getScore().toPlainString()).containsExactly("98.50");
    }

    @Test
    void whatTheReaderCouldNotUseIsListed() {
        assertThat(readSeed().notes()).anyMatch(note -> note.contains("i1,i2,i3") && note.contains("without scores"));
    }

    @Test
    void aReportWhoseOrganizationCannotBeResolvedIsRejectedWithTheCandidates() {
        String elsewhere = Fixtures.seedReport().replace("องค์การบริหารส่วนตำบลบ้านกล้วย", "เทศบาลตำบลบ้านกล้วย");

        List<ParsedRecord> records = reader.read(new StringReader(elsewhere), "x.txt").toList();

        assertThat(records).singleElement().isInstanceOfSatisfying(ParsedRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("orgCode");
                assertThat(error.rule()).isEqualTo(Rules.KNOWN_ORGANIZATION);
                assertThat(error.message()).contains("เทศบาลตำบลบ้านกล้วย").contains("5190801 เทศบาลตำบลหนองโดน")
                        .contains("6190802").contains("6190803").contains("6190804");
            });
        });
    }

    @Test
    void textThatIsNoReportIsUnreadableWithAReason() {
        List<ParsedRecord> records = reader.read(new StringReader("hello\nworld"), "x.txt").toList();

        assertThat(records).singleElement().isInstanceOfSatisfying(ParsedRecord.Unreadable.class,
                unreadable -> assertThat(unreadable.errors().get(0).field()).isEqualTo("orgCode"));
    }
}
