package org.itapipe.devstack;

import com.sun.jna.Native;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real ClickHouse server (chDB's clickhouse-local with its HTTP and native listeners on) in a child JVM. The
 * library comes from the npm registry and is fetched once per machine into the {@link MachineCache}; the environment
 * variable {@code ITAPIPE_CHDB_LIBRARY} may point to a libchdb.so already on disk instead.
 */
final class EmbeddedClickHouse implements StackPart {

    /** Owns the schema and writes (the sink's user); full rights on the server. */
    static final String WRITER = "itapipe_writer";
    /** Reads only: the server refuses its inserts, DDL and drops (readonly = 2). */
    static final String ANALYST = "itapipe_analyst";
    private static final String LIBRARY_FILE = "libchdb.so";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildJvm process;
    private final int httpPort;
    private final int nativePort;
    private final ClickHouseUsers users;
    private final Duration readyAfter;

    private EmbeddedClickHouse(ChildJvm process, int httpPort, int nativePort, ClickHouseUsers users,
                               Duration readyAfter) {
        this.process = process;
        this.httpPort = httpPort;
        this.nativePort = nativePort;
        this.users = users;
        this.readyAfter = readyAfter;
    }

    static EmbeddedClickHouse start(BuildInfo build, MachineCache cache, Map<String, String> env,
                                    StateDirectories dirs, int httpPort, int nativePort, ClickHouseUsers users) {
        long started = System.nanoTime();
        Path library = library(build, cache, env);
        Path config = users.writeServerConfig(dirs.root().resolve("clickhouse-config.xml"));
        ChildJvm process = ChildJvm.start("clickhouse", dirs,
                List.of(ChildJvm.codeSourceOf(Native.class)),
                List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                ChdbServer.class.getName(),
                List.of(library.toString(), config.toString(), dirs.clickhouseData().toString(),
                        Integer.toString(httpPort), Integer.toString(nativePort)));
        try {
            Await.until("ClickHouse HTTP on port " + httpPort, READY_TIMEOUT, () -> selectOneAnswers(httpPort),
                    process::requireAlive);
            Await.until("ClickHouse native TCP on port " + nativePort, READY_TIMEOUT, () -> accepts(nativePort),
                    process::requireAlive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new EmbeddedClickHouse(process, httpPort, nativePort, users,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Path library(BuildInfo build, MachineCache cache, Map<String, String> env) {
        String override = env.get("ITAPIPE_CHDB_LIBRARY");
        if (override != null) {
            Path path = Path.of(override);
            if (!Files.isRegularFile(path)) {
                throw new PrerequisiteMissing("ITAPIPE_CHDB_LIBRARY points to " + path + ", which is not a file");
            }
            return path;
        }
        return cache.ensure("chdb-" + build.chdbVersion(), target -> fetchFromNpm(build.chdbNpmPackage(), target))
                .resolve(LIBRARY_FILE);
    }

    private static void fetchFromNpm(String npmPackage, Path target) throws IOException, InterruptedException {
        if (!Commands.available("npm")) {
            throw new PrerequisiteMissing("npm is needed once per machine to fetch the ClickHouse library ("
                    + npmPackage + "): install Node.js and npm (apt-get install npm), or set ITAPIPE_CHDB_LIBRARY to "
                    + "an existing libchdb.so, or point clickhouse.jdbc at an existing ClickHouse server");
        }
        System.err.println("itapipe: fetching the ClickHouse library " + npmPackage
                + " (about 180 MB, once per machine) into " + target.getParent());
        String tarball = Commands.run(target, List.of("npm", "pack", "--silent", npmPackage)).strip();
        tarball = tarball.substring(tarball.lastIndexOf('\n') + 1);
        Commands.run(target, List.of("tar", "-xzf", tarball, "--strip-components=1", "package/" + LIBRARY_FILE));
        Files.delete(target.resolve(tarball));
    }

    private static boolean selectOneAnswers(int httpPort) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/?query=SELECT%201"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().strip().equals("1");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    URI httpUrl() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String nativeAddress() {
        return "127.0.0.1:" + nativePort;
    }

    String jdbcUrl() {
        return "jdbc:clickhouse://127.0.0.1:" + httpPort + "/default";
    }

    ClickHouseUsers users() {
        return users;
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
