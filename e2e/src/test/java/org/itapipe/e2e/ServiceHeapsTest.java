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
import org.itapipe.service.ServiceHeaps;
import org.junit.jupiter.api.Test;

/**
 * Every way of starting a service gives it the heap limit of service-heaps.properties: the itapipe script and the
 * Docker image's entry point (the bench reads it through {@link ServiceHeaps}); an operator's own -Xmx wins. Runs
 * here, after the launcher is packaged, because both start the packaged jar.
 */
class ServiceHeapsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theItapipeScriptStartsEachServiceWithinItsHeapAndLeavesOtherCommandsAlone() throws Exception {
        for (Map.Entry<String, String> heap : ServiceHeaps.all().entrySet()) {
            assertThat(maxHeap(List.of(ROOT.resolve("itapipe").toString(), heap.getKey(), "--help"),
                    Map.of("ITAPIPE_JAVA_OPTS", "-XshowSettings:vm"))).as(heap.getKey())
                    .isEqualTo(megabytes(heap.getValue()));
        }
        assertThat(maxHeap(List.of(ROOT.resolve("itapipe").toString(), "streams", "--help"),
                Map.of("ITAPIPE_JAVA_OPTS", "-Xmx700m -XshowSettings:vm"))).as("the operator's own")
                .isEqualTo("700.00M");
        assertThat(maxHeap(List.of(ROOT.resolve("itapipe").toString(), "keys", "--help"),
                Map.of("ITAPIPE_JAVA_OPTS", "-XshowSettings:vm"))).as("not a service").endsWith("G");
    }

    @Test
    void theDockerEntryPointStartsEachServiceWithinItsHeap() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "image-layout").toAbsolutePath());
        for (String entry : List.of("service-heaps.properties", "itapipe.jar", "lib")) {
            Files.deleteIfExists(dir.resolve(entry)); // a symbolic link is deleted, never what it points to
        }
        Files.copy(ROOT.resolve("service/src/main/resources/org/itapipe/service/service-heaps.properties"),
                dir.resolve("service-heaps.properties"));
        // The image's layout: the jar and its lib/ side by side (the jar's manifest names lib/ relative to itself).
        Files.createSymbolicLink(dir.resolve("itapipe.jar"), ROOT.resolve("launcher/target/itapipe.jar"));
        Files.createSymbolicLink(dir.resolve("lib"), ROOT.resolve("launcher/target/lib"));
        Map<String, String> env = Map.of("ITAPIPE_HOME", dir.toString(), "JAVA_OPTS", "-XshowSettings:vm");
        List<String> entryPoint = List.of("sh", ROOT.resolve("docker/entrypoint.sh").toString());

        assertThat(maxHeap(concat(entryPoint, "sink", "--help"), env))
                .isEqualTo(megabytes(ServiceHeaps.all().get("sink")));
        assertThat(maxHeap(concat(entryPoint, "sink", "--help"), Map.of("ITAPIPE_HOME", dir.toString(),
                "JAVA_OPTS", "-Xmx640m -XshowSettings:vm"))).isEqualTo("640.00M");
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

    /** The "Max. Heap Size" that -XshowSettings:vm printed for the command. */
    private static String maxHeap(List<String> command, Map<String, String> env) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().filter(line -> line.contains("Max. Heap Size")).map(line -> line.substring(
                line.indexOf(':') + 1).strip()).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
