package org.itapipe.launcher;

import java.util.Map;
import java.util.concurrent.Callable;
import org.itapipe.config.ConfigSource;
import org.itapipe.reports.web.WebApplication;
import org.itapipe.reports.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe web}: the national and province pages and each organization's report, read from ClickHouse. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = {"Serve the national page (/), the province pages (/provinces/<code>, .csv) and each "
                + "organization's analysis report (/organizations/<code>/<year>, .pdf) until interrupted, reading "
                + "ClickHouse as its read-only analyst user.",
                "Settings: web.host (127.0.0.1), web.port (8090), clickhouse.jdbc, clickhouse.analyst.user, "
                        + "clickhouse.analyst.password (printed by itapipe stack), reports.chromium "
                        + "(/usr/bin/chromium), reports.chromedriver (/usr/bin/chromedriver). Without Chromium the "
                        + "pages work and the PDF routes answer 503 naming the packages to install."})
final class WebCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        ConfigSource source = config.source();
        WebSettings settings = WebSettings.from(source);
        WebApplication web = WebApplication.start(WebSettings.analyst(source), settings, config.reference().methodologies(),
                config.reference().organizations());
        return RunningService.untilInterrupted("web", web, spec.commandLine().getOut(),
                Map.of("web.url", settings.http().url(web.port()) + "/"));
    }
}
