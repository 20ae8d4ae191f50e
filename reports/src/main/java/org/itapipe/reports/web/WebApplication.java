package org.itapipe.reports.web;

import org.itapipe.config.ClickHouseSettings;
import org.itapipe.reports.ReportService;
import org.itapipe.reports.data.ReportDatabase;
import org.itapipe.reports.pdf.ChromiumPdfPrinter;
import org.itapipe.schemas.geography.Geography;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.schemas.organizations.OrganizationRegistry;

/** The web service wired from its settings: reports read as the analyst, PDFs printed by Chromium, the server. */
public final class WebApplication implements AutoCloseable {

    private final ReportService reports;
    private final WebServer server;

    private WebApplication(ReportService reports, WebServer server) {
        this.reports = reports;
        this.server = server;
    }

    public static WebApplication start(ClickHouseSettings analyst, WebSettings settings,
                                       MethodologyCatalog methodologies, OrganizationRegistry organizations) {
        ReportService reports = reports(analyst, settings, methodologies, organizations);
        return new WebApplication(reports, WebServer.start(reports, Geography.thailand(), settings));
    }

    /** The report service {@code itapipe report} and the web service share. */
    public static ReportService reports(ClickHouseSettings analyst, WebSettings settings,
                                        MethodologyCatalog methodologies, OrganizationRegistry organizations) {
        return new ReportService(new ReportDatabase(analyst), methodologies, Geography.thailand(), organizations,
                new ChromiumPdfPrinter(settings.chromium(), settings.chromedriver()));
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        reports.close();
    }
}
