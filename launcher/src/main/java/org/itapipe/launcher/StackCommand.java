package org.itapipe.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code itapipe stack}: starts the embedded stack, prints its endpoints as {@code key=value} lines (a config file
 * for the services; also left in the state directory, where services started without one find it), and runs until
 * interrupted; {@code --check} exits 0 once all three servers answered.
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"Start the embedded stack: a Kafka broker, a Confluent-API schema registry and a ClickHouse "
                + "server, on 127.0.0.1.",
                "Prints the endpoints as key=value lines (save them as a config file for the services) and runs "
                        + "until interrupted."})
final class StackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StackLocation location;

    @Option(names = "--check", description = "Start the stack, print the endpoints, stop it and exit 0 if all three "
            + "servers answered.")
    private boolean check;

    @Mixin
    private StackPortOptions ports;

    @Option(names = "--kafka-brokers", paramLabel = "N", defaultValue = "1",
            description = "1 broker in the stack's JVM (default), or 3: a replicated cluster (replication factor 3, "
                    + "min.insync.replicas 2), one JVM per broker, brokers on --kafka-port + 0, 2, 4 and controllers "
                    + "on --kafka-controller-port + 0, 2, 4, to rehearse the loss of a broker.")
    private int kafkaBrokers;

    @Option(names = "--secure", description = "Kafka with SASL/SCRAM over TLS (a certificate drawn at each start) and "
            + "ACLs: each service connects as its own user and may only do its job (docs/deploy.md). The block "
            + "prints each user's login as <service>.kafka.client.sasl.jaas.config. One broker.")
    private boolean secure;

    @Override
    public Integer call() throws InterruptedException {
        Path stateDir = location.prepare();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("itapipe: starting the stack (state and logs in " + stateDir + ")");
        err.flush();
        if (secure && kafkaBrokers != 1) {
            throw new ParameterException(spec.commandLine(), "--secure runs one Kafka broker; leave out --kafka-brokers");
        }
        EmbeddedStack stack = secure
                ? KafkaPrincipals.startSecuredStack(stateDir, ports.toPorts(), System.getenv())
                : EmbeddedStack.start(new StackOptions(stateDir, ports.toPorts(), System.getenv(), kafkaBrokers));
        stack.endpoints().lines().forEach(out::println);
        StackLocation.writeEndpoints(stateDir, stack.endpoints().lines());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> StackLocation.removeEndpoints(stateDir),
                "stack-endpoints-removal"));
        out.flush();
        if (check) {
            stack.close();
            return 0;
        }
        err.println("itapipe: the stack is running; press Ctrl-C to stop it");
        err.flush();
        // The stack's shutdown hook stops every server when the JVM is interrupted.
        new CountDownLatch(1).await();
        return 0;
    }
}
