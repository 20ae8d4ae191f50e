package org.itapipe.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Apicurio Registry's prebuilt server in a child JVM, in-memory storage, reached through its Confluent-compatible
 * REST API under {@code /apis/ccompat/v7}. Apicurio's default compatibility is NONE; the stack sets BACKWARD so
 * that schema evolution is checked the way production registries check it.
 */
final class EmbeddedSchemaRegistry implements StackPart {

    static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";
    private static final String QUARKUS_MAIN = "io.quarkus.runner.GeneratedMain";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildJvm process;
    private final URI url;
    private final Duration readyAfter;

    private EmbeddedSchemaRegistry(ChildJvm process, URI url, Duration readyAfter) {
        this.process = process;
        this.url = url;
        this.readyAfter = readyAfter;
    }

    static EmbeddedSchemaRegistry start(BuildInfo build, MachineCache cache, int port, StateDirectories dirs) {
        long started = System.nanoTime();
        Path runner = runnerJar(build, cache);
        ChildJvm process = ChildJvm.start("registry", dirs, List.of(runner),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.http.port=" + port,
                        // Keep Quarkus' management interface (port 9000 when on) off: 9000 is ClickHouse's.
                        "-Dquarkus.management.enabled=false",
                        "-Dquarkus.log.console.color=false"),
                QUARKUS_MAIN, List.of());
        URI url = URI.create("http://127.0.0.1:" + port + CONFLUENT_API_PATH);
        try {
            Await.until("schema registry at " + url, READY_TIMEOUT,
                    () -> send(HttpRequest.newBuilder(url.resolve(CONFLUENT_API_PATH + "/subjects")).GET()) == 200,
                    process::requireAlive);
            setBackwardCompatibility(url);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new EmbeddedSchemaRegistry(process, url, Duration.ofNanos(System.nanoTime() - started));
    }

    static void setBackwardCompatibility(URI url) {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"));
        int status;
        try {
            status = send(put);
        } catch (IOException e) {
            throw new StackStartFailed("cannot set the registry's compatibility to BACKWARD: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartFailed("interrupted while configuring the registry", e);
        }
        if (status != 200) {
            throw new StackStartFailed("the registry answered " + status + " to setting compatibility BACKWARD");
        }
    }

    private static int send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Unpacks the server archive the build fetched into the machine cache, once. */
    private static Path runnerJar(BuildInfo build, MachineCache cache) {
        Path archive = build.apicurioArchive();
        String jarName = "apicurio-registry-app-" + build.apicurioVersion() + "-runner.jar";
        Path directory = cache.ensure("apicurio-registry-" + build.apicurioVersion(), target -> {
            if (!Files.isRegularFile(archive)) {
                throw new PrerequisiteMissing("the schema registry server archive is missing: " + archive
                        + ". Fetch it with: mvn dependency:get -Dtransitive=false -Dartifact=io.apicurio:"
                        + "apicurio-registry-app:" + build.apicurioVersion() + ":tar.gz:all"
                        + " -- or point registry.url at an existing Confluent-API registry");
            }
            Commands.run(target, List.of("tar", "-xzf", archive.toString()));
        });
        return directory.resolve(jarName);
    }

    URI url() {
        return url;
    }

    ChildJvm process() {
        return process;
    }

    @Override
    public Duration readyAfter() {
        return readyAfter;
    }

    @Override
    public void close() {
        process.close();
    }
}
