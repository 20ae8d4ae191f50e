package org.itapipe.reports.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.itapipe.reports.PageBuilder;
import org.itapipe.reports.ReportService;
import org.itapipe.reports.data.PageData;
import org.itapipe.reports.model.AnalysisReport;
import org.itapipe.reports.model.Labels;
import org.itapipe.reports.pdf.PdfUnavailableException;
import org.itapipe.reports.render.Assets;
import org.itapipe.schemas.avro.OrganizationType;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.service.OperationsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code itapipe web}: the national page ({@code /}), each province's comparison ({@code /provinces/{code}},
 * {@code .csv}, {@code .xlsx}) and each organization's analysis report ({@code /organizations/{code}/{year}}, {@code .pdf}), read
 * from ClickHouse as the read-only analyst. A bad request gets a 400 page naming what is wrong, an unknown
 * organization, province or year a 404 page, a PDF without Chromium a 503 page naming the packages: never a stack
 * trace.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Pattern PROVINCE = Pattern.compile("\\d{2}");
    private static final Pattern ORGANIZATION = Pattern.compile("\\d{7}");
    private static final Pattern YEAR = Pattern.compile("25\\d\\d");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String HTML = "text/html; charset=utf-8";
    /** Set on a request whose error page is made already, so the catch-all 404 leaves it alone. */
    private static final String PAGE_MADE = "itapipe.error-page";

    private final ReportService reports;
    private final Geography geography;
    private final Javalin app;

    private WebServer(ReportService reports, Geography geography, WebSettings settings) {
        this.reports = reports;
        this.geography = geography;
        this.app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/", this::national);
        app.get("/provinces/{code}", this::province);
        app.get("/organizations/{code}/{year}", this::organization);
        app.get("/assets/{name}", this::asset);
        OperationsServer.addRoutes(app, Map.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        app.exception(BadRequest.class, (e, ctx) -> page(ctx, 400, e.getMessage()));
        app.exception(NotFound.class, (e, ctx) -> page(ctx, 404, e.getMessage()));
        app.exception(PdfUnavailableException.class, (e, ctx) -> page(ctx, 503, e.getMessage()));
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("ClickHouse query failed: {}", e.getMessage());
            page(ctx, 503, "ClickHouse cannot be read right now: " + e.getMessage().lines().findFirst().orElse(""));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            page(ctx, 500, "the page could not be made; the service's log says why");
        });
        app.error(404, ctx -> {
            if (ctx.attribute(PAGE_MADE) == null) {
                page(ctx, 404, "no page at " + ctx.path());
            }
        });
        OperationsServer.bind(app, settings.http());
    }

    public static WebServer start(ReportService reports, Geography geography, WebSettings settings) {
        return new WebServer(reports, geography, settings);
    }

    public int port() {
        return app.port();
    }

    private void national(Context ctx) throws SQLException {
        List<Integer> years = reports.years();
        int year = year(ctx, years);
        ctx.contentType(HTML).result(reports.nationalHtml(reports.national(year), years));
    }

    private void province(Context ctx) throws SQLException {
        String path = ctx.pathParam("code");
        boolean csv = path.endsWith(".csv");
        boolean xlsx = path.endsWith(".xlsx");
        String code = csv ? path.substring(0, path.length() - 4) : xlsx ? path.substring(0, path.length() - 5) : path;
        if (!PROVINCE.matcher(code).matches()) {
            throw new BadRequest("'" + code + "' is not a 2-digit province code such as 19");
        }
        if (geography.province(code).isEmpty()) {
            throw new NotFound("there is no province " + code);
        }
        List<Integer> years = reports.years();
        int year = year(ctx, years);
        PageData.Province province = reports.province(code, year);
        if (province.rows().isEmpty()) {
            throw new NotFound("province " + code + " has no data for fiscal year " + year);
        }
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"ita-"
                    + code + "-" + year + ".csv\"").result(csv(PageBuilder.csv(province, geography)));
            return;
        }
        if (xlsx) {
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"ita-" + code + "-" + year + ".xlsx\"")
                    .result(xlsx(PageBuilder.csv(province, geography), "ITA " + code + " " + year));
            return;
        }
        ctx.contentType(HTML).result(reports.provinceHtml(province, filter(ctx), years));
    }

    private void organization(Context ctx) throws SQLException {
        String code = ctx.pathParam("code");
        String yearPart = ctx.pathParam("year");
        boolean pdf = yearPart.endsWith(".pdf");
        String yearText = pdf ? yearPart.substring(0, yearPart.length() - 4) : yearPart;
        if (!ORGANIZATION.matcher(code).matches()) {
            throw new BadRequest("'" + code + "' is not a 7-digit DLA organization code such as 6190803");
        }
        if (!YEAR.matcher(yearText).matches()) {
            throw new BadRequest("'" + yearText + "' is not a fiscal year in the Buddhist Era such as 2568");
        }
        AnalysisReport report = reports.report(code, Integer.parseInt(yearText), Labels.of(ctx.queryParam("lang")))
                .orElseThrow(() -> new NotFound("organization " + code + " has no submission for fiscal year "
                        + yearText));
        if (pdf) {
            ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"ita-" + code + "-"
                    + yearText + ".pdf\"").result(reports.reportPdf(report));
        } else {
            ctx.contentType(HTML).result(reports.reportHtml(report, ReportService.Use.SERVED));
        }
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] bytes = Assets.read(name).orElseThrow(() -> new NotFound("no asset " + name));
        ctx.contentType(name.endsWith(".ttf") ? "font/ttf" : name.endsWith(".json") ? "application/json"
                : "text/plain; charset=utf-8").header("Cache-Control", "max-age=86400").result(bytes);
    }

    /** {@code ?year=}, else the latest year with data. */
    private static int year(Context ctx, List<Integer> years) {
        String given = ctx.queryParam("year");
        if (given == null || given.isBlank()) {
            return years.stream().findFirst().orElseThrow(() -> new NotFound("no fiscal year has data yet"));
        }
        if (!YEAR.matcher(given).matches()) {
            throw new BadRequest("year '" + given + "' is not a fiscal year in the Buddhist Era such as 2568");
        }
        int year = Integer.parseInt(given);
        if (!years.contains(year)) {
            throw new NotFound("fiscal year " + year + " has no data; years with data: " + years);
        }
        return year;
    }

    private static PageBuilder.Filter filter(Context ctx) {
        Optional<String> district = Optional.ofNullable(ctx.queryParam("district")).filter(d -> !d.isBlank());
        district.filter(d -> !d.matches("\\d{4}")).ifPresent(d -> {
            throw new BadRequest("district '" + d + "' is not a 4-digit district code");
        });
        Optional<OrganizationType> type = Optional.ofNullable(ctx.queryParam("type")).filter(t -> !t.isBlank())
                .map(t -> {
                    try {
                        return OrganizationType.valueOf(t);
                    } catch (IllegalArgumentException e) {
                        throw new BadRequest("type '" + t + "' is not an organization type");
                    }
                });
        Optional<Boolean> passing = Optional.ofNullable(ctx.queryParam("passing")).filter(p -> !p.isBlank())
                .map(p -> switch (p) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new BadRequest("passing '" + p + "' is yes or no");
                });
        return new PageBuilder.Filter(district, type, passing);
    }

    private static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        // A byte-order mark, so that Excel opens the Thai text as UTF-8.
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The same rows as a workbook: numbers as numbers (totals, scores, ranks), text as text. */
    private static byte[] xlsx(List<List<String>> rows, String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String value = cells.get(c);
                    boolean number = r > 0 && NUMBER.matcher(value).matches() && !rows.get(0).get(c).endsWith("code");
                    if (number) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(Context ctx, int status, String message) {
        ctx.attribute(PAGE_MADE, true);
        ctx.status(status).contentType(HTML).result(reports.errorHtml(status, message));
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A request that names something malformed: 400. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    /** A request for something that does not exist: 404. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
