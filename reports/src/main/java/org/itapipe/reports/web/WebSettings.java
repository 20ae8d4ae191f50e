package org.itapipe.reports.web;

import java.nio.file.Path;
import org.itapipe.config.ConfigSource;

/**
 * Settings of {@code itapipe web} and of the PDF printer that {@code itapipe report} shares.
 *
 * @param host        web.host (127.0.0.1): the address the pages are served on
 * @param port        web.port (8090; 0 picks a free port)
 * @param chromium    reports.chromium (/usr/bin/chromium): the browser that prints PDFs
 * @param chromedriver reports.chromedriver (/usr/bin/chromedriver): its WebDriver
 */
public record WebSettings(String host, int port, Path chromium, Path chromedriver) {

    public static final String HOST = "web.host";
    public static final String PORT = "web.port";
    public static final String CHROMIUM = "reports.chromium";
    public static final String CHROMEDRIVER = "reports.chromedriver";

    public static WebSettings from(ConfigSource config) {
        return new WebSettings(config.get(HOST, "127.0.0.1"), Integer.parseInt(config.get(PORT, "8090")),
                Path.of(config.get(CHROMIUM, "/usr/bin/chromium")),
                Path.of(config.get(CHROMEDRIVER, "/usr/bin/chromedriver")));
    }
}
