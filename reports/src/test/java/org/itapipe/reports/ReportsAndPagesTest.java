package org.itapipe.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.TopicSettings;
import org.itapipe.devstack.StackEndpoints;
import org.itapipe.devstack.junit.EmbeddedStackExtension;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.ingest.http.IngestSettings;
import org.itapipe.ingest.importer.BulkImport;
import org.itapipe.ingest.importer.ImportSource;
import org.itapipe.ingest.importer.ImportSummary;
import org.itapipe.ingest.importer.InputFormat;
import org.itapipe.ingest.importer.RecordResult;
import org.itapipe.ingest.parse.PdfText;
import org.itapipe.ingest.publish.SubmissionPublisher;
import org.itapipe.reports.data.ReportDatabase;
import org.itapipe.reports.model.AnalysisReport;
import org.itapipe.reports.model.Labels;
import org.itapipe.reports.pdf.ChromiumPdfPrinter;
import org.itapipe.reports.web.WebServer;
import org.itapipe.reports.web.WebSettings;
import org.itapipe.schemas.avro.ScoreSubmission;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.ClickHouseWriter;
import org.itapipe.sink.load.SinkLoader;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The seed report and some neighbours through the whole pipeline, then read as people read them: the seed's
 * analysis report (HTML, and PDF printed by Chromium and read back with PDFBox), the province page in a real browser
 * (Selenium with Debian's chromium and chromedriver), and the error pages. One stack, one pipeline, one browser.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAndPagesTest {

    /** Saraburi: Nong Don's four organizations, two of Mueang Saraburi and the provincial organization. */
    private static final String NEIGHBOURS = """
            org_code,fiscal_year,revision,ind_1,ind_2,ind_3,ind_4,ind_5,ind_6,ind_7,ind_8,ind_9,ind_10
            6190804,2568,1,100,100,100,100,100,100,100,100,100,100
            6190802,2568,1,80,80,80,80,80,80,80,80,80,80
            5190801,2568,1,97,97,97,97,97,97,97,97,97,97
            4190102,2568,1,99,99,99,99,99,99,99,99,99,99
            2190101,2568,1,85,85,85,85,85,85,85,85,85,85
            6190803,2567,1,90,90,90,90,90,90,90,90,90,90
            6190802,2567,1,95,95,95,95,95,95,95,95,95,95
            """;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private StreamsApplication streams;
    private SinkApplication sink;
    private ReportService reports;
    private WebServer web;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void pipelineLoadsTheSeedAndItsNeighbours(StackEndpoints stack, @org.junit.jupiter.api.io.TempDir Path state)
            throws Exception {
        ImportSummary imported = importSeedAndNeighbours(stack);
        assertThat(imported.rejected()).isZero();
        streams = StreamsApplication.start(stack.connections(), StreamsSettings.from(ConfigSource.of(Map.of(
                "schemas.auto-register", "true", "streams.commit-interval-ms", "50"), Map.of()))
                .withApplication("itapipe-reports-" + UUID.randomUUID(), state, 0), MethodologyCatalog.builtIn());
        sink = SinkApplication.start(stack.connections(), SinkSettings.from(ConfigSource.of(Map.of("schemas.auto-register", "true", 
                "sink.batch.max-age-ms", "200"), Map.of())).with("itapipe-reports-sink-" + UUID.randomUUID(), 0),
                MethodologyCatalog.builtIn(), SinkLoader.AfterInsert.NOTHING);
        awaitLoaded(stack);
        WebSettings settings = WebSettings.from(ConfigSource.of(Map.of(WebSettings.PORT, "0"), Map.of()));
        reports = new ReportService(new ReportDatabase(stack.clickhouseAnalyst()), MethodologyCatalog.builtIn(),
                Geography.thailand(), OrganizationRegistry.dla(),
                new ChromiumPdfPrinter(settings.chromium(), settings.chromedriver()));
        web = WebServer.start(reports, Geography.thailand(), settings);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--no-first-run", "--window-size=1280,2000",
                "--user-data-dir=" + Files.createDirectories(state.resolve("browser")));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile()).usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable part : new AutoCloseable[] {web, reports, sink, streams}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // Stopping after the tests; the stack goes with the JVM.
            }
        }
    }

    @Test
    void theSeedsReportHoldsItsFiguresNamesAndWhatItWouldTakeToImprove() throws Exception {
        AnalysisReport report = reports.report("6190803", 2568, Labels.TH).orElseThrow();
        String html = reports.reportHtml(report, ReportService.Use.STANDALONE);

        assertThat(report.total()).isEqualTo("94.30");
        assertThat(report.levelTh()).isEqualTo("ผ่านดี");
        assertThat(report.orgNameTh()).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
        assertThat(report.tools()).flatExtracting(AnalysisReport.ToolSection::indicators)
                .extracting(AnalysisReport.IndicatorLine::score).containsExactly("100.00", "100.00", "100.00",
                        "100.00", "100.00", "99.33", "99.33", "99.33", "82.50", "90.00");
        assertThat(report.tools()).flatExtracting(AnalysisReport.ToolSection::indicators)
                .filteredOn(line -> line.number() >= 9).extracting(AnalysisReport.IndicatorLine::recoverable)
                .containsExactly("3.50", "2.00");
        assertThat(report.recoverableTotal()).isEqualTo("5.70");
        assertThat(report.oitBelow100()).extracting(AnalysisReport.ItemLine::code, AnalysisReport.ItemLine::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("o5", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o6", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o7", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o12", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o19", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o23", "50.00"),
                        org.assertj.core.groups.Tuple.tuple("o25", "10.00"));
        assertThat(report.maintain()).extracting(AnalysisReport.IndicatorLine::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(report.nextLevel().levelTh()).isEqualTo("ผ่านดีเยี่ยม");
        assertThat(new BigDecimal(report.nextLevel().reachedTotal())).isGreaterThanOrEqualTo(new BigDecimal("95"));
        assertThat(report.previousYear().delta()).isEqualTo("+4.30");
        assertThat(report.ranks().district()).isEqualTo("3 / 4");
        assertThat(report.planPeriod()).isEqualTo("1 ต.ค. 2568 – 30 ก.ย. 2569");
        assertThat(report.flags()).extracting(org.itapipe.reports.model.OrganizationFacts.FlagNote::rule)
                .contains("organization-resolved-through-alias", "item-stated-consistently");
        assertThat(html).contains("94.30").contains("ผ่านดี").contains("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน")
                .contains("การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบน").contains("<svg class=\"chart distribution\"")
                .contains("@font-face { font-family: Sarabun; src: url(data:font/ttf;base64,");
    }

    @Test
    void theSeedsPdfIsPrintedByChromiumWithItsFiguresInTheTextLayerAndPageNumbers() throws Exception {
        AnalysisReport report = reports.report("6190803", 2568, Labels.TH).orElseThrow();
        long started = System.nanoTime();
        byte[] pdf = reports.reportPdf(report);
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        reports.reportPdf(report);
        long secondMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("report PDF: first %d ms (browser start included), then %d ms%n", firstMs, secondMs);
        Files.write(SCREENSHOTS.resolve("report-6190803-2568.pdf"), pdf);

        String text;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
            pages = document.getNumberOfPages();
        }
        assertThat(text).contains("94.30").contains("ผ่านดี").contains("82.50").contains("99.33").contains("90.00")
                .contains("3.50").contains("2.00").contains("10.00").contains("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน")
                .contains("รายงานผลการดำเนินงานประจำปี").contains("หน้า 1 จาก " + pages);
        assertThat(pages).isBetween(2, 8);
    }

    @Test
    void aRenderedPdfImportedBackGivesTheSameFigures(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        AnalysisReport report = reports.report("6190803", 2568, Labels.TH).orElseThrow();
        Path pdf = dir.resolve("report.pdf");
        Files.write(pdf, reports.reportPdf(report));

        ImportSummary summary = IngestApplication.ReferenceData.standard().bulkImport().run(List.of(new ImportSource(
                "report.pdf", InputFormat.REPORT, () -> new StringReader(PdfText.of(pdf)))),
                BulkImport.Admission.ALL, Optional.empty(), result -> { });

        assertThat(summary.rejections()).isEmpty();
        ScoreSubmission imported = ((RecordResult.Accepted) summary.results().get(0)).submission();
        assertThat(imported.getOrgCode()).isEqualTo("6190803");
        assertThat(imported.getFiscalYear()).isEqualTo(2568);
        assertThat(imported.getReportedTotal()).hasToString("94.30");
        assertThat(imported.getReportedLevel()).isEqualTo("ผ่านดี");
        assertThat(imported.getIndicators()).extracting(score -> score.getScore().toPlainString())
                .containsExactly("100.00", "100.00", "100.00", "100.00", "100.00", "99.33", "99.33", "99.33",
                        "82.50", "90.00");
        assertThat(imported.getItems()).extracting(item -> item.getCode() + "=" + item.getScore().toPlainString())
                .contains("o5=50.00", "o6=50.00", "o7=50.00", "o12=50.00", "o19=50.00", "o23=50.00", "o25=10.00",
                        "e1=98.50");
        assertThat(imported.getFlags()).extracting(flag -> flag.getRule())
                .doesNotContain("reported-total-matches-computed", "reported-level-matches-computed");
    }

    @Test
    void aPdfWithoutAThaiTextLayerIsRefusedWithTheReason(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path pdf = dir.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(pdf.toFile());
        }

        assertThatThrownBy(() -> PdfText.of(pdf)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("scan.pdf has no usable Thai text layer");
    }

    @Test
    void theProvincePageRanksItsOrganizationsAndItsFiltersAndChartsWork() throws Exception {
        long started = System.nanoTime();
        browser.get(url("/provinces/19?year=2568"));
        System.out.printf("province page in the browser: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        screenshot("province-19-2568.png");

        List<WebElement> rows = browser.findElements(By.cssSelector("table.organizations tr.organization"));
        assertThat(rows).extracting(row -> row.getAttribute("data-code")).containsExactly("6190804", "4190102",
                "5190801", "6190803", "2190101", "6190802");
        assertThat(rows.get(3).findElement(By.cssSelector("td.rank")).getText()).isEqualTo("4");
        assertThat(rows.get(3).findElement(By.cssSelector("td.total")).getText()).isEqualTo("94.30");
        assertThat(browser.findElements(By.cssSelector("svg.chart.distribution rect.bar"))).hasSize(20);
        assertThat(browser.findElements(By.cssSelector("svg.map.province circle.organization"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("svg.map.province")).getText()).contains("OpenStreetMap");

        new Select(browser.findElement(By.id("district"))).selectByValue("1908");
        awaitRows(4);
        screenshot("province-19-2568-nong-don.png");
        assertThat(browser.findElements(By.cssSelector("tr.organization"))).extracting(r -> r.getAttribute("data-code"))
                .containsExactly("6190804", "5190801", "6190803", "6190802");
        new Select(browser.findElement(By.id("type"))).selectByValue("SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION");
        awaitRows(3);
        new Select(browser.findElement(By.id("passing"))).selectByValue("no");
        awaitRows(1);
        assertThat(browser.findElement(By.cssSelector("tr.organization")).getAttribute("data-code"))
                .isEqualTo("6190802");

        browser.get(url("/provinces/19?year=2568"));
        browser.findElement(By.linkText("อบต.บ้านกลับ")).click();
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("94.30");
        screenshot("report-6190803-2568.png");
    }

    @Test
    void theNationalPageShadesTheMapAndListsTheProvince() throws Exception {
        browser.get(url("/"));
        screenshot("national-2568.png");

        assertThat(browser.findElements(By.cssSelector("svg.map.country path.province"))).hasSize(77);
        assertThat(browser.findElement(By.cssSelector("table.provinces tr[data-code='19']")).getText())
                .contains("สระบุรี").contains("6");
        assertThat(browser.findElements(By.cssSelector("table.types tr[data-type]"))).isNotEmpty();
    }

    @Test
    void analystsSeeScoresWithTheirTwoDecimals(StackEndpoints stack) throws Exception {
        String credentials = stack.clickhouseAnalyst().user() + ":" + stack.clickhouseAnalyst().password().value();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stack.clickhouseHttp())
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("SELECT total, ind_9, ind_10 FROM v_province_comparison "
                        + "WHERE org_code = '6190803' AND fiscal_year = 2568 FORMAT TSV")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body().strip()).isEqualTo("94.30\t82.50\t90.00");
    }

    /** Every derived column of v_province_comparison, recomputed in Java from the latest submissions' totals. */
    @Test
    void theComparisonsRanksAndDifferencesEqualARecomputationFromTheLatestSubmissions(StackEndpoints stack)
            throws Exception {
        List<Latest> latest = new java.util.ArrayList<>();
        Map<String, List<Object>> view = new java.util.HashMap<>();
        try (Connection connection = ClickHouseWriter.connect(stack.clickhouseAnalyst());
             Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT org_code, district_code, org_type, total FROM "
                    + "v_latest_submissions WHERE province_code = '19' AND fiscal_year = 2568")) {
                while (rows.next()) {
                    latest.add(new Latest(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getBigDecimal(4)));
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT org_code, rank_in_district, organizations_in_district, "
                    + "rank_in_province, organizations_in_province, rank_in_province_by_type, "
                    + "organizations_of_type_in_province, diff_to_district_mean, diff_to_province_mean "
                    + "FROM v_province_comparison WHERE province_code = '19' AND fiscal_year = 2568")) {
                while (rows.next()) {
                    view.put(rows.getString(1), java.util.Arrays.asList(rows.getObject(2) == null ? null
                            : rows.getInt(2), rows.getObject(3) == null ? null : rows.getInt(3), rows.getInt(4),
                            rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getBigDecimal(8) == null ? null
                            : rows.getBigDecimal(8).setScale(2), rows.getBigDecimal(9).setScale(2)));
                }
            }
        }
        java.util.function.Predicate<Latest> inDistrict = l -> !l.type().equals("PROVINCIAL_ADMINISTRATIVE_ORGANIZATION");
        Map<String, List<Object>> expected = new java.util.HashMap<>();
        for (Latest org : latest) {
            List<Latest> district = latest.stream().filter(inDistrict)
                    .filter(other -> other.district().equals(org.district())).toList();
            List<Latest> ofType = latest.stream().filter(other -> other.type().equals(org.type())).toList();
            boolean counted = inDistrict.test(org);
            expected.put(org.org(), java.util.Arrays.asList(counted ? rank(org, district) : null,
                    counted ? district.size() : null, rank(org, latest), latest.size(), rank(org, ofType),
                    ofType.size(), counted ? diffToMean(org, district) : null, diffToMean(org, latest)));
        }

        assertThat(view).isEqualTo(expected);
        assertThat(view.get("6190803").get(6)).as("94.30 against Nong Don's 100, 97, 94.30 and 80: 1.475, a tie, "
                + "rounded half up").isEqualTo(new BigDecimal("1.48"));
    }

    /** An organization's latest total, where it counts. */
    private record Latest(String org, String district, String type, BigDecimal total) {
    }

    /** Rank 1 for the highest total; ties share a rank (SQL's rank()). */
    private static int rank(Latest org, List<Latest> among) {
        return 1 + (int) among.stream().filter(other -> other.total().compareTo(org.total()) > 0).count();
    }

    /** total − mean, exactly, rounded half up to two decimals once. */
    private static BigDecimal diffToMean(Latest org, List<Latest> among) {
        BigDecimal sum = among.stream().map(Latest::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exact = org.total().multiply(BigDecimal.valueOf(among.size())).subtract(sum);
        return exact.divide(BigDecimal.valueOf(among.size()), 2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void analystsAskByPlaceName(StackEndpoints stack) throws Exception {
        try (Connection connection = ClickHouseWriter.connect(stack.clickhouseAnalyst());
             Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT count() FROM v_places WHERE level = 'PROVINCE'")).isEqualTo(77);
            assertThat(count(sql, "SELECT count() FROM v_places WHERE level = 'DISTRICT'")).isEqualTo(928);
            try (ResultSet seed = sql.executeQuery("SELECT province_name_th, district_name_th FROM "
                    + "v_province_comparison WHERE org_code = '6190803' AND fiscal_year = 2568")) {
                assertThat(seed.next()).isTrue();
                assertThat(seed.getString(1)).isEqualTo("สระบุรี");
                assertThat(seed.getString(2)).isEqualTo("หนองโดน");
            }
            List<String> districts = new java.util.ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT d.name_th AS district, r.mean_total FROM v_area_rollups "
                    + "AS r INNER JOIN v_places AS d ON d.level = 'DISTRICT' AND d.code = r.area_code INNER JOIN "
                    + "v_places AS p ON p.level = 'PROVINCE' AND p.code = d.province_code WHERE r.area_level = "
                    + "'DISTRICT' AND r.fiscal_year = 2568 AND p.name_th = 'สระบุรี' ORDER BY r.mean_total DESC")) {
                while (rows.next()) {
                    districts.add(rows.getString(1) + " " + rows.getBigDecimal(2).setScale(2));
                }
            }
            assertThat(districts).containsExactly("เมืองสระบุรี 99.00", "หนองโดน 92.83");
        }
    }

    @Test
    void itemNamesComeFromTheMethodologyNotFromEachSubmissionsRows(StackEndpoints stack) throws Exception {
        try (Connection connection = ClickHouseWriter.connect(stack.clickhouseAnalyst());
             Statement sql = connection.createStatement()) {
            assertThat(count(sql, "SELECT count() FROM v_items WHERE fiscal_year = 2568")).isEqualTo(52);
            assertThat(count(sql, "SELECT count() FROM v_items WHERE fiscal_year = 2567"))
                    .as("2567's item catalogue is unknown").isZero();
            try (ResultSet seed = sql.executeQuery("SELECT item_name_th, item_name_en FROM "
                    + "v_oit_items_at_or_below_threshold WHERE org_code = '6190803' AND fiscal_year = 2568 "
                    + "AND item_code = 'o5'")) {
                assertThat(seed.next()).isTrue();
                assertThat(seed.getString(1)).isEqualTo("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน");
                assertThat(seed.getString(2)).isNotBlank();
            }
            assertThat(count(sql, "SELECT count() FROM system.columns WHERE database = currentDatabase() "
                    + "AND table = 'submission_items' AND name LIKE 'item_name%'")).isZero();
        }
    }

    @Test
    void everyColumnOfEveryViewIsInTheDataDictionary(StackEndpoints stack) throws Exception {
        String dictionary = Files.readString(Path.of("..", "docs", "analysts.md"), StandardCharsets.UTF_8);
        Map<String, List<String>> views = new java.util.TreeMap<>();
        try (Connection connection = ClickHouseWriter.connect(stack.clickhouseAnalyst());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table, name FROM system.columns WHERE database = "
                     + "currentDatabase() AND table LIKE 'v\\_%' ORDER BY table, position")) {
            while (rows.next()) {
                views.computeIfAbsent(rows.getString(1), view -> new java.util.ArrayList<>()).add(rows.getString(2));
            }
        }

        assertThat(views).hasSizeGreaterThanOrEqualTo(8);
        views.forEach((view, columns) -> {
            int start = dictionary.indexOf("### `" + view + "`");
            assertThat(start).as("a section for %s", view).isNotNegative();
            int end = dictionary.indexOf("\n### ", start + 1);
            String section = dictionary.substring(start, end < 0 ? dictionary.length() : end);
            columns.forEach(column -> assertThat(section).as("%s.%s documented", view, column)
                    .contains("| `" + column + "` |"));
        });
    }

    @Test
    void badRequestsGetAClearPageAndNeverAStackTrace() throws Exception {
        assertPage("/organizations/9999999/2568", 404, "9999999");
        assertPage("/organizations/6190803/2566", 404, "2566");
        assertPage("/organizations/61908/2568", 400, "7-digit");
        assertPage("/organizations/6190803/abcd", 400, "Buddhist Era");
        assertPage("/provinces/1x", 400, "2-digit");
        assertPage("/provinces/99", 404, "no province 99");
        assertPage("/provinces/19?year=2590", 404, "2590");
        assertPage("/provinces/19?district=abc", 400, "4-digit");
        assertPage("/nothing/here", 404, "/nothing/here");
    }

    @Test
    void theProvinceComesAsCsvForTheOfficesOwnMeetings() throws Exception {
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(url("/provinces/19.csv?year=2568")))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(4)).startsWith("4,6190803,องค์การบริหารส่วนตำบลบ้านกลับ,SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,"
                + "1908,หนองโดน,94.30,ผ่านดี,1,3,");
    }

    @Test
    void theProvinceComesAsAnExcelWorkbookWithNumbersAsNumbers() throws Exception {
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(url("/provinces/19.xlsx?year=2568")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(7);
            var seed = sheet.getRow(4);
            assertThat(seed.getCell(1).getStringCellValue()).isEqualTo("6190803");
            assertThat(seed.getCell(2).getStringCellValue()).isEqualTo("องค์การบริหารส่วนตำบลบ้านกลับ");
            assertThat(seed.getCell(6).getNumericCellValue()).isEqualTo(94.30);
            assertThat(seed.getCell(0).getNumericCellValue()).isEqualTo(4);
        }
    }

    private void assertPage(String path, int status, String mentions) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.body()).as(path).contains("data-status=\"" + status + "\"").contains(mentions)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void awaitRows(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (browser.findElements(By.cssSelector("tr.organization")).size() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the filtered page did not show " + count + " rows");
            }
            Thread.sleep(100);
        }
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    private static ImportSummary importSeedAndNeighbours(StackEndpoints stack) throws Exception {
        IngestApplication.createTopics(stack.connections(), TopicSettings.SINGLE_BROKER);
        try (SubmissionPublisher publisher = IngestApplication.publisher(stack.connections(),
                IngestSettings.from(ConfigSource.of(Map.of(), Map.of())), true)) {
            return IngestApplication.ReferenceData.standard().bulkImport().run(List.of(
                    new ImportSource("ban-kluai-2568-analysis.txt", InputFormat.REPORT, () -> new InputStreamReader(
                            ReportsAndPagesTest.class.getResourceAsStream(
                                    "/org/itapipe/schemas/samples/ban-kluai-2568-analysis.txt"),
                            StandardCharsets.UTF_8)),
                    new ImportSource("neighbours.csv", InputFormat.CSV, () -> new StringReader(NEIGHBOURS))),
                    BulkImport.Admission.ALL, Optional.of(publisher), result -> { });
        }
    }

    /** Until every organization-year is in the comparison, with its gaps, and every rollup of Saraburi counts it. */
    private static void awaitLoaded(StackEndpoints stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (Connection connection = ClickHouseWriter.connect(stack.clickhouseAnalyst());
             Statement sql = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (count(sql, "SELECT count() FROM v_province_comparison WHERE province_code = '19'") == 8
                        && count(sql, "SELECT count() FROM v_indicator_gaps WHERE org_code = '6190803' AND "
                        + "fiscal_year = 2568") == 10
                        && count(sql, "SELECT sum(organizations) FROM v_area_rollups WHERE area_level = 'PROVINCE' "
                        + "AND org_type = '' AND area_code = '19'") == 8
                        && count(sql, "SELECT count() FROM v_yoy_movers WHERE province_code = '19'") == 2
                        && count(sql, "SELECT count() FROM v_alert_states WHERE org_code = '6190803'") == 7) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the pipeline did not load Saraburi within 2 minutes");
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
