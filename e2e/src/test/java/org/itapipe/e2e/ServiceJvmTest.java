package org.itapipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.itapipe.service.ServiceJvm;
import org.junit.jupiter.api.Test;

/**
 * Every way of starting a service gives it the JVM options of service-jvm.properties, its heap limit and the client
 * compiler, and a command of compiler.commands (stack, demo, bench, import) the compiler alone: the itapipe script and the Docker image's
 * entry point (the bench reads them through {@link ServiceJvm}); an operator's own options win. Runs here, after the
 * launcher is packaged, because both start the packaged jar.
 */
class ServiceJvmTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SHOW = "-XshowSettings:vm -XX:+PrintFlagsFinal";

    @Test
    void theItapipeScriptStartsEachServiceWithItsOptionsTheCompilerCommandsWithTheCompilerAndLeavesOthersAlone()
            throws Exception {
        List<String> script = List.of(ROOT.resolve("itapipe").toString());
        for (Map.Entry<String, String> heap : ServiceJvm.heaps().entrySet()) {
            Jvm jvm = jvm(concat(script, heap.getKey(), "--help"), Map.of("ITAPIPE_JAVA_OPTS", SHOW));
            assertThat(jvm.maxHeap()).as(heap.getKey()).isEqualTo(megabytes(heap.getValue()));
            assertThat(jvm.tieredStopAtLevel()).as(heap.getKey()).isEqualTo("1");
        }
        Jvm own = jvm(concat(script, "streams", "--help"),
                Map.of("ITAPIPE_JAVA_OPTS", "-Xmx700m -XX:TieredStopAtLevel=4 " + SHOW));
        assertThat(own.maxHeap()).as("the operator's own heap").isEqualTo("700.00M");
        assertThat(own.tieredStopAtLevel()).as("the operator's own compiler").isEqualTo("4");
        for (String host : List.of("stack", "demo", "bench", "import")) {
            Jvm jvm = jvm(concat(script, host, "--help"), Map.of("ITAPIPE_JAVA_OPTS", SHOW));
            assertThat(jvm.maxHeap()).as(host + ": no heap limit").endsWith("G");
            assertThat(jvm.tieredStopAtLevel()).as(host).isEqualTo("1");
            assertThat(ServiceJvm.options(host)).as(host).containsExactly("-XX:TieredStopAtLevel=1");
        }
        Jvm command = jvm(concat(script, "keys", "--help"), Map.of("ITAPIPE_JAVA_OPTS", SHOW));
        assertThat(command.maxHeap()).as("not a service").endsWith("G");
        assertThat(command.tieredStopAtLevel()).as("not a service").isEqualTo("4");
        assertThat(ServiceJvm.options("keys")).isEmpty();
    }

    @Test
    void theDockerEntryPointStartsEachServiceWithItsOptionsAndACompilerCommandWithTheCompiler() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "image-layout").toAbsolutePath());
        for (String entry : List.of(ServiceJvm.RESOURCE, "itapipe.jar", "lib")) {
            Files.deleteIfExists(dir.resolve(entry)); // a symbolic link is deleted, never what it points to
        }
        Files.copy(ROOT.resolve("service/src/main/resources/org/itapipe/service/" + ServiceJvm.RESOURCE),
                dir.resolve(ServiceJvm.RESOURCE));
        // The image's layout: the jar and its lib/ side by side (the jar's manifest names lib/ relative to itself).
        Files.createSymbolicLink(dir.resolve("itapipe.jar"), ROOT.resolve("launcher/target/itapipe.jar"));
        Files.createSymbolicLink(dir.resolve("lib"), ROOT.resolve("launcher/target/lib"));
        List<String> entryPoint = List.of("sh", ROOT.resolve("docker/entrypoint.sh").toString());

        Jvm sink = jvm(concat(entryPoint, "sink", "--help"),
                Map.of("ITAPIPE_HOME", dir.toString(), "JAVA_OPTS", SHOW));
        assertThat(sink.maxHeap()).isEqualTo(megabytes(ServiceJvm.heaps().get("sink")));
        assertThat(sink.tieredStopAtLevel()).isEqualTo("1");
        Jvm stack = jvm(concat(entryPoint, "stack", "--help"),
                Map.of("ITAPIPE_HOME", dir.toString(), "JAVA_OPTS", SHOW));
        assertThat(stack.maxHeap()).as("a compiler command: no heap limit").endsWith("G");
        assertThat(stack.tieredStopAtLevel()).as("a compiler command").isEqualTo("1");
        assertThat(jvm(concat(entryPoint, "sink", "--help"), Map.of("ITAPIPE_HOME", dir.toString(),
                "JAVA_OPTS", "-Xmx640m " + SHOW)).maxHeap()).isEqualTo("640.00M");
    }

    private static List<String> concat(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    /** 256m as -XshowSettings:vm prints it: 256.00M. */
    private static String megabytes(String size) {
        int number = Integer.parseInt(size.substring(0, size.length() - 1));
        return size.endsWith("g") ? number + ".00G" : number + ".00M";
    }

    /** What -XshowSettings:vm and -XX:+PrintFlagsFinal printed. */
    private record Jvm(String output) {

        String maxHeap() {
            return value("Max. Heap Size", ':');
        }

        String tieredStopAtLevel() {
            return value(" TieredStopAtLevel ", '=').split("\\s+")[0];
        }

        private String value(String label, char separator) {
            return output.lines().filter(line -> line.contains(label)).map(line -> line.substring(
                    line.indexOf(separator) + 1).strip()).findFirst().orElseThrow(() -> new AssertionError(output));
        }
    }

    private static Jvm jvm(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new Jvm(output);
    }
}
