package org.itapipe.reports;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itapipe.reports.data.PageData;
import org.itapipe.reports.data.ReportDatabase;
import org.itapipe.reports.model.AnalysisReport;
import org.itapipe.reports.model.AnalysisReportBuilder;
import org.itapipe.reports.model.Labels;
import org.itapipe.reports.model.OrganizationFacts;
import org.itapipe.reports.pdf.PdfPrinter;
import org.itapipe.reports.render.Assets;
import org.itapipe.reports.render.Maps;
import org.itapipe.reports.render.Templates;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.methodology.SuggestedActions;
import org.itapipe.schemas.organizations.OrganizationRegistry;

/**
 * Reports and pages from ClickHouse: the one place that reads the data, builds the model and renders the template,
 * used alike by {@code itapipe report} and {@code itapipe web}. HTML for the web links its font; HTML written to a
 * file or printed carries it.
 */
public final class ReportService implements AutoCloseable {

    /** How the HTML will be used: served (links to other pages, font linked) or standalone (a file, a PDF). */
    public enum Use { SERVED, STANDALONE }

    private final ReportDatabase database;
    private final AnalysisReportBuilder builder;
    private final MethodologyCatalog methodologies;
    private final PageBuilder pages;
    private final Templates templates = new Templates();
    private final PdfPrinter printer;

    public ReportService(ReportDatabase database, MethodologyCatalog methodologies, Geography geography,
                         OrganizationRegistry organizations, PdfPrinter printer) {
        this.database = database;
        this.methodologies = methodologies;
        this.builder = new AnalysisReportBuilder(geography, SuggestedActions.builtIn());
        this.pages = new PageBuilder(geography, organizations, Maps.load());
        this.printer = printer;
    }

    public List<Integer> years() throws SQLException {
        return database.years();
    }

    /** The analysis report of an organization's latest submission of a year, if there is one. */
    public Optional<AnalysisReport> report(String orgCode, int year, Labels labels) throws SQLException {
        Optional<OrganizationFacts> facts = database.organization(orgCode, year);
        return facts.map(f -> builder.build(f, methodologies.require(year), labels));
    }

    public String reportHtml(AnalysisReport report, Use use) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("r", report);
        scope.put("fontCss", fontCss(use));
        if (use == Use.SERVED) {
            String self = "/organizations/" + report.orgCode() + "/" + report.fiscalYear();
            boolean english = report.labels().lang().equals("en");
            scope.put("links", Map.of("provinceLink", "/provinces/" + report.orgCode().substring(1, 3) + "?year="
                            + report.fiscalYear(), "pdfLink", self + ".pdf" + (english ? "?lang=en" : ""),
                    "otherLanguageLink", self + (english ? "" : "?lang=en"),
                    "otherLanguage", english ? "ไทย" : "English"));
        }
        return templates.render("report", scope);
    }

    public byte[] reportPdf(AnalysisReport report) {
        return printer.print(reportHtml(report, Use.STANDALONE));
    }

    public String nationalHtml(PageData.National national, List<Integer> years) {
        Map<String, Object> scope = pages.national(national, years);
        scope.put("fontCss", fontCss(Use.SERVED));
        return templates.render("national", scope);
    }

    public PageData.National national(int year) throws SQLException {
        return database.national(year);
    }

    public PageData.Province province(String code, int year) throws SQLException {
        return database.province(code, year);
    }

    public String provinceHtml(PageData.Province province, PageBuilder.Filter filter, List<Integer> years) {
        Map<String, Object> scope = pages.province(province, filter, years);
        scope.put("fontCss", fontCss(Use.SERVED));
        return templates.render("province", scope);
    }

    public String errorHtml(int status, String message) {
        return templates.render("error", Map.of("status", status, "message", message,
                "fontCss", fontCss(Use.SERVED), "labels", Labels.TH));
    }

    private static String fontCss(Use use) {
        return use == Use.SERVED ? Assets.linkedFonts("/assets/") : Assets.embeddedFonts();
    }

    @Override
    public void close() {
        printer.close();
    }
}
