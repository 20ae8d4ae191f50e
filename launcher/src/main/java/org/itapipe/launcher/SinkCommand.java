package org.itapipe.launcher;

import java.util.concurrent.Callable;
import org.itapipe.sink.SinkApplication;
import org.itapipe.sink.SinkSettings;
import org.itapipe.sink.load.SinkLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe sink}: loads every topic into ClickHouse (migrations first). */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = {"Apply the ClickHouse migrations, then load submissions, gaps, rollups, year-over-year changes "
                + "and alerts into ClickHouse until interrupted. Health and metrics on sink.http.port.",
                "Settings: sink.group-id, sink.batch.records (5000), sink.batch.max-age-ms (300), "
                        + "sink.retry.max-backoff-ms, sink.http.host, sink.http.port (8083), sink.instance-id, "
                        + "sink.session-timeout-ms, clickhouse.jdbc, clickhouse.user, clickhouse.password."})
final class SinkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        SinkSettings settings = SinkSettings.from(config.source());
        SinkApplication sink = SinkApplication.start(config.connections(KafkaPrincipals.SINK), settings, config.reference().methodologies(),
                SinkLoader.AfterInsert.NOTHING);
        return RunningService.untilInterrupted("sink", sink, spec.commandLine().getOut(),
                settings.http().url(sink.httpPort()));
    }
}
