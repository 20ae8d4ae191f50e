package org.itapipe.launcher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.itapipe.config.ConfigSource;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.reports.ReportService;
import org.itapipe.reports.data.PageData;
import org.itapipe.reports.model.AnalysisReport;
import org.itapipe.reports.model.Labels;
import org.itapipe.reports.web.WebApplication;
import org.itapipe.reports.web.WebSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe report}: an organization's analysis report, or every organization's of a province, to files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the yearly ITA analysis report of one organization (--org) to a file, or of every "
                + "organization of a province (--province) to a directory, as PDF (printed by Chromium) or HTML, "
                + "read from ClickHouse as the analyst.",
                "Settings as for itapipe web: clickhouse.jdbc, clickhouse.analyst.user, clickhouse.analyst.password, "
                        + "reports.chromium, reports.chromedriver.",
                "Exit codes: 0 written, 1 no data for that organization or province and year, 2 usage or settings."})
final class ReportCommand implements Callable<Integer> {

    static final int NO_DATA = 1;

    /** Exactly one of the two. */
    static final class Target {
        @Option(names = "--org", paramLabel = "CODE", description = "7-digit DLA organization code.")
        String org;

        @Option(names = "--province", paramLabel = "CODE", description = "2-digit province code: every organization.")
        String province;
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Fiscal year (Buddhist Era).")
    private int year;

    @Option(names = "--format", defaultValue = "pdf", paramLabel = "pdf|html",
            description = "pdf (default) or html (self-contained, the font inside).")
    private String format;

    @Option(names = "--lang", defaultValue = "th", paramLabel = "th|en", description = "Headings in Thai or English.")
    private String lang;

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "The file (--org) or the directory (--province) to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("pdf") && !format.equals("html")) {
            throw new IllegalArgumentException("--format is pdf or html, not " + format);
        }
        ConfigSource source = config.source();
        IngestApplication.ReferenceData reference = config.reference();
        try (ReportService reports = WebApplication.reports(WebSettings.analyst(source), WebSettings.from(source),
                reference.methodologies(), reference.organizations())) {
            return target.org != null ? one(reports) : province(reports);
        }
    }

    private int one(ReportService reports) throws Exception {
        var report = reports.report(target.org, year, Labels.of(lang));
        if (report.isEmpty()) {
            err().println("itapipe: organization " + target.org + " has no submission for fiscal year " + year);
            return NO_DATA;
        }
        write(reports, report.get(), out);
        err().println("itapipe: wrote " + out);
        return 0;
    }

    private int province(ReportService reports) throws Exception {
        PageData.Province province = reports.province(target.province, year);
        if (province.rows().isEmpty()) {
            err().println("itapipe: province " + target.province + " has no data for fiscal year " + year);
            return NO_DATA;
        }
        Files.createDirectories(out);
        List<PageData.ProvinceRow> rows = province.rows();
        long started = System.nanoTime();
        try (ProgressBar bar = ImportCommand.progressBar("reports", rows.size())) {
            for (PageData.ProvinceRow row : rows) {
                AnalysisReport report = reports.report(row.code(), year, Labels.of(lang)).orElseThrow();
                write(reports, report, out.resolve(row.code() + "-" + year + "." + format));
                bar.step();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err().printf(Locale.ROOT, "itapipe: wrote %d reports to %s in %.1f s (%.1f reports/s)%n", rows.size(), out,
                seconds, rows.size() / seconds);
        return 0;
    }

    private void write(ReportService reports, AnalysisReport report, Path file) throws Exception {
        if (format.equals("pdf")) {
            Files.write(file, reports.reportPdf(report));
        } else {
            Files.writeString(file, reports.reportHtml(report, ReportService.Use.STANDALONE), StandardCharsets.UTF_8);
        }
    }

    private PrintWriter err() {
        PrintWriter err = spec.commandLine().getErr();
        err.flush();
        return err;
    }
}
