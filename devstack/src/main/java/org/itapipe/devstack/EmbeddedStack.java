package org.itapipe.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.itapipe.config.ClickHouseSettings;
import org.itapipe.config.Connections;
import org.itapipe.config.KafkaSettings;
import org.itapipe.config.RegistrySettings;
import org.itapipe.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real stack for the demo and the integration tests: a Kafka broker in this JVM (or, with
 * {@link StackOptions#kafkaBrokers()} 3, a replicated {@link KafkaCluster} of child JVMs), a schema registry and a
 * ClickHouse server in child JVMs. The three start in parallel; each starts with empty data. Closing the stack (or
 * the JVM ending, see {@link ExitWithParent}) stops all three.
 *
 * <p>A child that ends while the stack runs is reported as an ERROR with the tail of its log. ClickHouse is then
 * started again on the same ports, users and data (its data is on disk); the registry is not, because it keeps its
 * schemas in memory and a new one would give schema ids that the records in Kafka do not mean. A cluster's broker is
 * started again by the cluster itself.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final KafkaPart kafka;
    private final EmbeddedSchemaRegistry registry;
    private volatile EmbeddedClickHouse clickhouse;
    private final Supplier<EmbeddedClickHouse> clickhouseStarter;
    private final AtomicInteger clickhouseRestarts = new AtomicInteger();
    private final ExecutorService supervisor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final StackEndpoints endpoints;
    private final StateDirectories dirs;
    private final Thread shutdownHook = new Thread(this::stopParts, "embedded-stack-shutdown");
    private boolean stopped;

    private EmbeddedStack(KafkaPart kafka, EmbeddedSchemaRegistry registry, EmbeddedClickHouse clickhouse,
                          Supplier<EmbeddedClickHouse> clickhouseStarter, StackOptions options,
                          Map<String, String> kafkaLogins) {
        this.dirs = new StateDirectories(options.stateDir());
        this.kafka = kafka;
        this.registry = registry;
        this.clickhouse = clickhouse;
        this.clickhouseStarter = clickhouseStarter;
        this.endpoints = new StackEndpoints(
                new Connections(new KafkaSettings(kafka.bootstrapServers(), kafka.clientSettings()),
                        RegistrySettings.of(registry.url().toString()),
                        new ClickHouseSettings(clickhouse.jdbcUrl(), EmbeddedClickHouse.WRITER,
                                new Secret(clickhouse.users().writerPassword()))),
                clickhouse.httpUrl(), clickhouse.nativeAddress(),
                new ClickHouseSettings(clickhouse.jdbcUrl(), EmbeddedClickHouse.ANALYST,
                        new Secret(clickhouse.users().analystPassword())), options.stateDir(),
                Map.of("kafka", kafka.readyAfter(), "registry", registry.readyAfter(),
                        "clickhouse", clickhouse.readyAfter()), kafka.replicas(), kafkaLogins);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        watch(clickhouse);
        registry.process().exited().thenRunAsync(this::registryEnded, supervisor);
    }

    public static EmbeddedStack start(StackOptions options) {
        options.ports().requireAvailable(options.kafkaBrokers());
        BuildInfo build = BuildInfo.load();
        MachineCache cache = MachineCache.fromEnvironment(options.env());
        StackPorts ports = options.ports();
        var dirs = new StateDirectories(options.stateDir());
        dirs.prepare();

        Optional<BrokerSecurity> security = options.kafkaAccess() instanceof KafkaAccess.Secured
                ? Optional.of(BrokerSecurity.generate(dirs.kafkaData().resolve("tls"))) : Optional.empty();
        ExecutorService starter = Executors.newFixedThreadPool(3);
        try {
            var registry = startAsync(starter, () -> EmbeddedSchemaRegistry.start(build, cache, ports.registry(), dirs));
            ClickHouseUsers users = ClickHouseUsers.generate();
            Supplier<EmbeddedClickHouse> clickhouseStarter = () -> EmbeddedClickHouse.start(build, cache,
                    options.env(), dirs, ports.clickhouseHttp(), ports.clickhouseNative(), users);
            var clickhouse = startAsync(starter, clickhouseStarter);
            var kafka = startAsync(starter, () -> startKafka(options, dirs, security));
            KafkaPart startedKafka = await(kafka, registry, clickhouse);
            EmbeddedSchemaRegistry startedRegistry = await(registry, kafka, clickhouse);
            EmbeddedClickHouse startedClickhouse = await(clickhouse, kafka, registry);
            Map<String, String> logins;
            try {
                logins = security.map(secured -> secured.createPrincipals(startedKafka.bootstrapServers(),
                        ((KafkaAccess.Secured) options.kafkaAccess()).principals())).orElse(Map.of());
            } catch (RuntimeException e) {
                List.of(startedClickhouse, startedRegistry, startedKafka).forEach(StackPart::close);
                throw e;
            }
            return new EmbeddedStack(startedKafka, startedRegistry, startedClickhouse, clickhouseStarter, options,
                    logins);
        } finally {
            starter.shutdown();
        }
    }

    private static KafkaPart startKafka(StackOptions options, StateDirectories dirs,
                                        Optional<BrokerSecurity> security) {
        StackPorts ports = options.ports();
        if (options.kafkaBrokers() == 1) {
            return EmbeddedKafka.start(dirs.kafkaData(), ports.kafka(), ports.kafkaController(), security);
        }
        List<Integer> brokers = IntStream.rangeClosed(1, options.kafkaBrokers()).map(ports::kafkaBroker).boxed()
                .toList();
        List<Integer> controllers = IntStream.rangeClosed(1, options.kafkaBrokers()).map(ports::kafkaController)
                .boxed().toList();
        return KafkaCluster.start(dirs, dirs.kafkaData(), brokers, controllers);
    }

    private static <T extends StackPart> CompletableFuture<T> startAsync(ExecutorService executor, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, executor);
    }

    /** The part's result; if it failed, the other parts are stopped once they are up, and the failure is thrown. */
    @SafeVarargs
    private static <T extends StackPart> T await(CompletableFuture<T> part,
                                                 CompletableFuture<? extends StackPart>... others) {
        try {
            return part.join();
        } catch (CompletionException e) {
            for (CompletableFuture<? extends StackPart> other : others) {
                other.thenAccept(StackPart::close);
                try {
                    other.join();
                } catch (CompletionException ignored) {
                    // That part failed too; the first failure is the one reported.
                }
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Where a service run on this stack keeps its local state (e.g. Kafka Streams stores). Emptied at every start,
     * since the topics the state was built from are.
     */
    public Path serviceStateDir(String service) {
        return dirs.services().resolve(service);
    }

    /** The connections of the stack's own user: on a secured Kafka its super user {@code admin}. */
    public Connections connections() {
        return endpoints.connections(BrokerSecurity.ADMIN);
    }

    /**
     * Starts a program in its own JVM with this JVM's classpath, e.g. a pipeline service to measure on its own. It
     * logs to {@code logs/<name>.log} and, like the stack's servers, ends when this JVM does.
     */
    public ChildJvm startJvm(String name, List<String> jvmOptions, String mainClass, List<String> args) {
        return ChildJvm.start(name, dirs, ChildJvm.thisClasspath(), jvmOptions, mainClass, args);
    }

    /** Where a JVM started with {@link #startJvm} named {@code name} logs. */
    public Path logFile(String name) {
        return dirs.logFile(name);
    }

    /** The process ids of the stack's servers that run in child JVMs (the registry and ClickHouse), by name. */
    public Map<String, Long> childProcesses() {
        return Map.of("registry", registry.process().pid(), "clickhouse", clickhouse.process().pid());
    }

    /** How many times ClickHouse ended on its own and was started again. */
    public int clickhouseRestarts() {
        return clickhouseRestarts.get();
    }

    private void watch(EmbeddedClickHouse server) {
        server.process().exited().thenRunAsync(() -> clickhouseEnded(server), supervisor);
    }

    private synchronized void clickhouseEnded(EmbeddedClickHouse server) {
        if (stopped || server != clickhouse) {
            return;
        }
        LOG.error("the embedded {}; starting it again on the same ports, users and data",
                server.process().exitReport());
        try {
            clickhouse = clickhouseStarter.get();
            clickhouseRestarts.incrementAndGet();
            watch(clickhouse);
            LOG.info("the embedded ClickHouse is back (pid {}) after {} s", clickhouse.process().pid(),
                    clickhouse.readyAfter().toMillis() / 1000.0);
        } catch (RuntimeException e) {
            LOG.error("the embedded ClickHouse did not start again; restart the stack: {}", e.getMessage());
        }
    }

    private synchronized void registryEnded() {
        if (!stopped) {
            LOG.error("the embedded schema {}; it kept its schemas in memory, so it is not started again: restart "
                    + "the stack", registry.process().exitReport());
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs (or ran) anyway.
        }
        stopParts();
    }

    private synchronized void stopParts() {
        if (stopped) {
            return;
        }
        stopped = true;
        supervisor.shutdown();
        List<RuntimeException> failures = new ArrayList<>();
        for (StackPart part : List.of(clickhouse, registry, kafka)) {
            try {
                part.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException error = new IllegalStateException("stopping the stack failed");
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }
}
