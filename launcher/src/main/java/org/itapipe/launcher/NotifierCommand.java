package org.itapipe.launcher;

import java.util.concurrent.Callable;
import org.itapipe.schemas.methodology.MethodologyCatalog;
import org.itapipe.sink.notify.NotifierApplication;
import org.itapipe.sink.notify.NotifierSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe notifier}: delivers OIT alerts to webhooks. */
@Command(name = "notifier", mixinStandardHelpOptions = true,
        description = {"Deliver every OPEN and RESOLVED OIT alert to the configured webhooks as signed JSON "
                + "(X-Itapipe-Signature: sha256=HMAC), at most once per state change, until interrupted.",
                "Settings: notifier.webhook.<name>.url, notifier.webhook.<name>.secret, notifier.max-attempts (8), "
                        + "notifier.first-backoff-ms, notifier.max-backoff-ms, notifier.group-id, "
                        + "notifier.http.port (8085)."})
final class NotifierCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        NotifierSettings settings = NotifierSettings.from(config.source());
        NotifierApplication notifier = NotifierApplication.start(config.connections(), settings,
                MethodologyCatalog.builtIn());
        return RunningService.untilInterrupted("notifier", notifier, spec.commandLine().getOut(), settings.httpHost(),
                notifier.httpPort());
    }
}
