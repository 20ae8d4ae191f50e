package org.itapipe.launcher;

import java.util.concurrent.Callable;
import org.itapipe.ingest.IngestApplication;
import org.itapipe.notifier.NotifierApplication;
import org.itapipe.notifier.NotifierSettings;
import org.itapipe.notifier.ParkedReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe notifier}: delivers OIT alerts to webhooks and e-mail; {@code replay} sends parked ones again. */
@Command(name = "notifier", mixinStandardHelpOptions = true, subcommands = NotifierCommand.Replay.class,
        description = {"Deliver every OPEN and RESOLVED OIT alert to each configured destination in its scope, at "
                + "least once and in order, until interrupted: webhooks as signed JSON (X-Itapipe-Signature: "
                + "sha256=HMAC), e-mail through SMTP; what a destination refuses for notifier.patience is parked "
                + "(docs/alerts.md).",
                "Settings: notifier.webhook.<name>.url, .secret; notifier.email.<name>.to; for both .scope (national, "
                        + "province:<code>, district:<code>, org:<code>), .types, .severity (any, fell), "
                        + ".digest-every (e.g. PT24H), .digest-only; notifier.smtp.host, .port, .security "
                        + "(none, starttls, ssl), .user, .password, .from; notifier.patience (PT24H), "
                        + "notifier.first-backoff-ms, notifier.max-backoff-ms, notifier.group-id, notifier.web-url, "
                        + "notifier.http.port (8085), notifier.instance-id, notifier.session-timeout-ms."})
final class NotifierCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        NotifierSettings settings = NotifierSettings.from(config.source());
        IngestApplication.ReferenceData reference = config.reference();
        NotifierApplication notifier = NotifierApplication.start(config.connections(KafkaPrincipals.NOTIFIER), settings,
                reference.methodologies(), reference.organizations());
        return RunningService.untilInterrupted("notifier", notifier, spec.commandLine().getOut(),
                settings.http().url(notifier.httpPort()));
    }

    /** {@code itapipe notifier replay <destination>}. */
    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Send the alerts parked for one destination again, with their original delivery ids; "
                    + "exits 0 when none is left, 1 when the destination still refuses.")
    static final class Replay implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private ConfigOptions config;

        @Parameters(paramLabel = "DESTINATION", description = "The destination's name (notifier.webhook.<name>).")
        private String destination;

        @Override
        public Integer call() throws InterruptedException {
            ParkedReplay.Result result = ParkedReplay.replay(config.connections(KafkaPrincipals.NOTIFIER),
                    NotifierSettings.from(config.source()), config.reference().methodologies(), destination);
            spec.commandLine().getErr().println("itapipe: replayed " + result.replayed() + " parked alerts to "
                    + destination + (result.remaining() > 0 ? "; it still refuses, the rest stay parked" : ""));
            return result.remaining() > 0 ? 1 : 0;
        }
    }
}
