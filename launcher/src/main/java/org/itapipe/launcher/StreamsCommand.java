package org.itapipe.launcher;

import java.util.concurrent.Callable;
import org.itapipe.streams.StreamsApplication;
import org.itapipe.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code itapipe streams}: the Kafka Streams application (exactly once). */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams application that derives gaps, rollups, year-over-year changes and OIT "
                + "alerts from ita.submissions.v1, until interrupted. Health and metrics on streams.http.port.",
                "Settings: streams.application-id, streams.state-dir, streams.threads (1), "
                        + "streams.commit-interval-ms, streams.standby-replicas, streams.cache-max-bytes, "
                        + "streams.http.host, streams.http.port (8082), streams.instance-id, "
                        + "streams.session-timeout-ms, topics.replication-factor, topics.partitions, "
                        + "schemas.auto-register."})
final class StreamsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions config;

    @Override
    public Integer call() throws InterruptedException {
        StreamsSettings settings = StreamsSettings.from(config.source());
        StreamsApplication streams = StreamsApplication.start(config.connections(KafkaPrincipals.STREAMS), settings,
                config.reference().methodologies());
        return RunningService.untilInterrupted("streams", streams, spec.commandLine().getOut(),
                settings.http().url(streams.httpPort()));
    }
}
