package org.itapipe.reports.web;

import java.nio.file.Path;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.ConfigException;
import org.itapipe.config.ConfigSource;
import org.itapipe.config.Connections;
import org.itapipe.config.HttpEndpoint;
import org.itapipe.config.Secret;

/**
 * Settings of {@code itapipe web} and of the PDF printer that {@code itapipe report} shares.
 *
 * @param host        web.host (127.0.0.1): the address the pages are served on
 * @param port        web.port (8090; 0 picks a free port)
 * @param chromium    reports.chromium (/usr/bin/chromium): the browser that prints PDFs
 * @param chromedriver reports.chromedriver (/usr/bin/chromedriver): its WebDriver
 */
public record WebSettings(HttpEndpoint http, Path chromium, Path chromedriver) {

    /** The web service listens at web.host (127.0.0.1) and web.port (8090). */
    public static final String PREFIX = "web";
    public static final String PORT = PREFIX + ".port";
    public static final String CHROMIUM = "reports.chromium";
    public static final String CHROMEDRIVER = "reports.chromedriver";

    public static final String ANALYST_USER = "clickhouse.analyst.user";
    public static final String ANALYST_PASSWORD = "clickhouse.analyst.password";

    /**
     * The read-only user that reports and pages read ClickHouse as: clickhouse.analyst.user and
     * clickhouse.analyst.password (printed by {@code itapipe stack}), at the server of clickhouse.jdbc.
     */
    public static ClickHouseSettings analyst(ConfigSource config) {
        String user = config.get(ANALYST_USER).orElseThrow(() -> new ConfigException(ANALYST_USER + " is not set: "
                + "reports and pages read ClickHouse as its read-only analyst user (itapipe stack prints "
                + ANALYST_USER + " and " + ANALYST_PASSWORD + "; pass that output with --config)"));
        return new ClickHouseSettings(config.require(Connections.CLICKHOUSE_JDBC), user,
                new Secret(config.get(ANALYST_PASSWORD, "")));
    }

    public static WebSettings from(ConfigSource config) {
        return new WebSettings(HttpEndpoint.from(config, PREFIX, 8090),
                Path.of(config.get(CHROMIUM, "/usr/bin/chromium")),
                Path.of(config.get(CHROMEDRIVER, "/usr/bin/chromedriver")));
    }
}
