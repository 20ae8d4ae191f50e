package org.itapipe.schemas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodologyCatalogTest {

    private final MethodologyCatalog catalog = MethodologyCatalog.builtIn();

    @Test
    void fiscalYears2567And2568ShipWithThePipeline() {
        assertThat(catalog.years()).contains(2567, 2568);
    }

    @Test
    void fy2568WeighsTheToolsThirtyThirtyForty() {
        Methodology fy2568 = catalog.require(2568);

        assertThat(fy2568.tool("IIT").weight()).isEqualByComparingTo("0.30");
        assertThat(fy2568.tool("OIT").weight()).isEqualByComparingTo("0.40");
        assertThat(fy2568.weightInTotal(1)).isEqualByComparingTo("0.06");
        assertThat(fy2568.weightInTotal(6)).isEqualByComparingTo("0.10");
        assertThat(fy2568.weightInTotal(9)).isEqualByComparingTo("0.20");
    }

    @Test
    void fy2568KnowsItsItemsAndWhichAreOit() {
        Methodology fy2568 = catalog.require(2568);

        assertThat(fy2568.indicatorOfItem("o23")).map(Indicator::number).contains(10);
        assertThat(fy2568.item("o23")).map(Item::nameEn).contains("Assessment of bribery risks in the organization's operations");
        assertThat(fy2568.isOitItem("o5")).isTrue();
        assertThat(fy2568.isOitItem("e3")).isFalse();
        assertThat(fy2568.alerts().oitItemThreshold()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(fy2568.passLine()).isEqualByComparingTo("85");
    }

    @Test
    void fy2567SaysItsItemCatalogueIsUnknownInsteadOfInventingOne() {
        Methodology fy2567 = catalog.require(2567);

        assertThat(fy2567.itemCatalogue()).isEqualTo(ItemCatalogue.UNKNOWN);
        assertThat(fy2567.indicators()).allMatch(indicator -> indicator.items().isEmpty());
    }

    @Test
    void anUnknownYearIsRefusedNamingTheKnownYears() {
        assertThatThrownBy(() -> catalog.require(2570))
                .hasMessageContaining("2570").hasMessageContaining("2568").hasMessageContaining("ita-2570.json");
    }

    @Test
    void aNewYearIsOneFileInADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ita-2569.json"), builtInText(2568).replace("\"fiscalYear\": 2568",
                "\"fiscalYear\": 2569"));

        MethodologyCatalog extended = MethodologyCatalog.builtInAnd(dir);

        assertThat(extended.years()).contains(2567, 2568, 2569);
    }

    @Test
    void aBrokenFileIsRejectedWithEveryProblemAndItsPath(@TempDir Path dir) throws IOException {
        String broken = builtInText(2568)
                .replace("\"weight\": \"0.40\"", "\"weight\": \"0.50\"")
                .replace("\"code\": \"o23\"", "\"code\": \"e23\"");
        Path file = dir.resolve("ita-2568.json");
        Files.writeString(file, broken);

        assertThatThrownBy(() -> MethodologyCatalog.load(file))
                .isInstanceOf(MethodologyException.class)
                .hasMessageContaining("weights must add up to 1, got 1.10")
                .hasMessageContaining("item e23 does not belong to tool OIT");
    }

    @Test
    void aYearThatDoesNotMatchItsFileNameIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ita-2570.json");
        Files.writeString(file, builtInText(2568));

        assertThatThrownBy(() -> MethodologyCatalog.load(file)).hasMessageContaining("does not match the file name");
    }

    @Test
    void anUnknownFieldIsATypoNotSilence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ita-2568.json");
        Files.writeString(file, builtInText(2568).replace("\"itemCatalogue\"", "\"itemCatalog\""));

        assertThatThrownBy(() -> MethodologyCatalog.load(file)).hasMessageContaining("itemCatalog");
    }

    private static String builtInText(int year) throws IOException {
        try (InputStream in = MethodologyCatalog.class.getResourceAsStream("ita-" + year + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
