package org.itapipe.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itapipe.devstack.ChildJvm;
import org.itapipe.devstack.EmbeddedStack;
import org.itapipe.devstack.StackPorts;
import org.itapipe.ingest.auth.ApiKeyStore;
import org.itapipe.ingest.auth.Scope;
import org.itapipe.service.ServiceJvm;

/**
 * The ingest API, the streams application and the sink, each in its own JVM started through the {@code itapipe}
 * launcher as an operator would start them, so that each one's memory can be told apart. They share one settings
 * file: the stack's endpoints plus free ports, a national API key and a rate limit above the benchmark's rate.
 */
final class PipelineServices implements AutoCloseable {

    private static final List<String> SERVICES = List.of("ingest", "streams", "sink");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private final Map<String, ChildJvm> processes;
    private final Map<String, Integer> ports;
    private final URI ingestUrl;
    private final String apiKey;

    private PipelineServices(Map<String, ChildJvm> processes, Map<String, Integer> ports, URI ingestUrl,
                             String apiKey) {
        this.processes = processes;
        this.ports = ports;
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
    }

    /**
     * Starts the three services with {@code launcherMainClass} and waits until each answers 200 on /health. With
     * {@code profile}, each records a Java Flight Recording, written to {@code <service>.jfr} beside its log when it
     * stops.
     */
    static PipelineServices start(EmbeddedStack stack, String launcherMainClass, int ratePerSecond, boolean profile)
            throws Exception {
        Path dir = stack.serviceStateDir("bench");
        Files.createDirectories(dir);
        ApiKeyStore keys = ApiKeyStore.empty();
        String apiKey = keys.create("bench (national)", new Scope.National()).plainText();
        Path keysFile = dir.resolve("ingest-keys.json");
        keys.save(keysFile);
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<Integer> free = StackPorts.freePorts(SERVICES.size());
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), free.get(i));
        }
        List<String> settings = new ArrayList<>(stack.endpoints().lines());
        settings.addAll(List.of(
                "ingest.port=" + ports.get("ingest"),
                "ingest.keys-file=" + keysFile,
                "ingest.rate-limit.per-second=" + ratePerSecond * 4,
                "ingest.rate-limit.burst=" + ratePerSecond * 4,
                "streams.http.port=" + ports.get("streams"),
                "streams.state-dir=" + dir.resolve("streams-state"),
                "sink.http.port=" + ports.get("sink")));
        Path config = dir.resolve("services.properties");
        Files.write(config, settings);

        Map<String, ChildJvm> processes = new LinkedHashMap<>();
        PipelineServices services = new PipelineServices(processes, ports,
                URI.create("http://127.0.0.1:" + ports.get("ingest")), apiKey);
        try {
            for (String service : SERVICES) {
                String name = "service-" + service;
                // Each service with its JVM options (heap, compiler), as the itapipe script and the image run it.
                List<String> jvmOptions = new ArrayList<>(ServiceJvm.options(service));
                if (profile) {
                    jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + stack.logFile(name).resolveSibling(name + ".jfr"));
                }
                processes.put(service, stack.startJvm(name, jvmOptions, launcherMainClass,
                        List.of(service, "--config", config.toString())));
            }
            for (String service : SERVICES) {
                awaitHealthy(service, processes.get(service), ports.get(service));
            }
            return services;
        } catch (Exception | Error e) {
            services.close();
            throw e;
        }
    }

    URI ingestUrl() {
        return ingestUrl;
    }

    String apiKey() {
        return apiKey;
    }

    /** The metrics of a service ("ingest", "streams" or "sink"). */
    ServiceMetrics metrics(String service) throws IOException, InterruptedException {
        return ServiceMetrics.scrape(ports.get(service));
    }

    /** Process ids by service name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach((name, process) -> pids.put(name, process.pid()));
        return pids;
    }

    private static void awaitHealthy(String service, ChildJvm process, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            process.requireAlive();
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service + " was not healthy within " + READY_TIMEOUT + "; log "
                + process.logFile() + ":\n" + process.logTail(30));
    }

    @Override
    public void close() {
        processes.values().forEach(ChildJvm::close);
    }
}
