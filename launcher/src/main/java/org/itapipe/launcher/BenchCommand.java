package org.itapipe.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.itapipe.bench.BenchReport;
import org.itapipe.bench.BenchSize;
import org.itapipe.bench.Benchmarks;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code itapipe bench}: how fast each stage is, next to what Kafka and ClickHouse do on the same machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline on fresh embedded stacks (on free ports, under <state-dir>/bench): ingest, "
                + "streams and sink throughput, each with a peer measured in the same run (Kafka's "
                + "ProducerPerformance, a pass-through Streams app, ClickHouse's HTTP insert); the national replay "
                + "from empty topics to complete views; peak memory of each service; latency at a steady rate "
                + "through the ingest API.",
                "Prints a table and writes the figures as JSON. Takes 6 to 10 minutes on 2 cores (--quick: about 4). "
                        + "Method: docs/benchmarks.md."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StackLocation location;

    @ArgGroup
    private Size size = new Size();

    static final class Size {
        @Option(names = "--quick", description = "Smaller stage runs and 15 s of latency: a first look.")
        boolean quick;

        @Option(names = "--smoke", hidden = true, description = "Tiny sizes that exercise every step (tests).")
        boolean smoke;
    }

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "itapipe-bench.json",
            description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Option(names = "--profile", description = "Record a Java Flight Recording of each service (ingest, streams, "
            + "sink) during the replay and the latency run: <state-dir>/bench/replay/logs/service-*.jfr.")
    private boolean profile;

    @Override
    public Integer call() throws Exception {
        Path stateDir = location.prepare().resolve("bench");
        BenchSize chosen = size.smoke ? BenchSize.SMOKE : size.quick ? BenchSize.QUICK : BenchSize.FULL;
        BenchReport report = new Benchmarks(chosen, stateDir, Itapipe.class.getName(), spec.commandLine().getErr(),
                profile)
                .run();
        report.printTable(spec.commandLine().getOut());
        report.writeJson(json);
        spec.commandLine().getErr().println("itapipe bench: figures written to " + json.toAbsolutePath());
        spec.commandLine().getErr().flush();
        return 0;
    }
}
