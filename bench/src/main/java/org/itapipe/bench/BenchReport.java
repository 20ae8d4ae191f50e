package org.itapipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itapipe.service.ServiceJvm;

/**
 * What a bench run measured: one line per figure, each with its peer (when the figure is a comparison) and the goals
 * it is held to, plus the replay's phases and the services' peak memory. Printed as a table and written as JSON.
 */
public final class BenchReport {

    /** A goal and whether the measured figure met it. */
    public record Goal(String text, boolean met) {
    }

    /**
     * A measured figure. {@code peer} is what the reference tool did with the same data in the same run (NaN when
     * the figure has no peer); the ratio is {@code value / peer}.
     */
    public record Line(String stage, String figure, double value, String unit, String peerName, double peer,
                       List<Goal> goals) {

        public double ratio() {
            return value / peer;
        }

        public boolean hasPeer() {
            return !Double.isNaN(peer);
        }
    }

    private final String size;
    private final Machine machine;
    private final Instant started = Instant.now();
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Double> replayPhasesSeconds = new LinkedHashMap<>();
    private final Map<String, Long> peakRssMiB = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> cpuSeconds = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> cpuMicrosPerSubmission = new LinkedHashMap<>();
    private final Map<String, String> observations = new LinkedHashMap<>();

    public BenchReport(String size, Machine machine) {
        this.size = size;
        this.machine = machine;
    }

    public synchronized void add(Line line) {
        lines.add(line);
    }

    public synchronized void replayPhase(String phase, double seconds) {
        replayPhasesSeconds.put(phase, seconds);
    }

    public synchronized void peakRss(String process, long mebibytes) {
        peakRssMiB.put(process, mebibytes);
    }

    /** CPU time each process used during a phase of the run in which {@code submissions} went through. */
    public synchronized void cpuSeconds(String phase, Map<String, Double> byProcess, long submissions) {
        cpuSeconds.put(phase, new LinkedHashMap<>(byProcess));
        Map<String, Long> perSubmission = new LinkedHashMap<>();
        byProcess.forEach((process, seconds) -> perSubmission.put(process, Math.round(seconds * 1e6 / submissions)));
        cpuMicrosPerSubmission.put(phase, perSubmission);
    }

    /** Something seen during the run that explains a figure, e.g. the sink's batch times. */
    public synchronized void observe(String what, String value) {
        observations.put(what, value);
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized Map<String, Long> peakRss() {
        return Map.copyOf(peakRssMiB);
    }

    public synchronized Map<String, Double> replayPhases() {
        return Map.copyOf(replayPhasesSeconds);
    }

    public synchronized void printTable(PrintWriter out) {
        out.printf("itapipe bench (%s), %s%n", size, machine.summary());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stage", "figure", "value", "unit", "peer", "ratio", "goals"});
        for (Line line : lines) {
            rows.add(new String[] {line.stage(), line.figure(), number(line.value()), line.unit(),
                    line.hasPeer() ? number(line.peer()) + " (" + line.peerName() + ")" : "",
                    line.hasPeer() ? String.format(Locale.ROOT, "%.2f", line.ratio()) : "",
                    String.join("; ", line.goals().stream()
                            .map(goal -> (goal.met() ? "met: " : "MISSED: ") + goal.text()).toList())});
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i == 2 || i == 5;
                text.append(numeric ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length())).append("  ");
            }
            out.println(text.toString().stripTrailing());
        }
        if (!replayPhasesSeconds.isEmpty()) {
            out.println("replay phases (s): " + join(replayPhasesSeconds));
        }
        if (!peakRssMiB.isEmpty()) {
            out.println("peak RSS during the replay (MiB): " + join(peakRssMiB) + "; heap limits (-Xmx): "
                    + String.join(", ", ServiceJvm.heaps().entrySet().stream()
                            .map(heap -> heap.getKey() + " " + heap.getValue()).toList()));
        }
        cpuSeconds.forEach((phase, byProcess) -> out.println("CPU seconds during the " + phase + ": "
                + join(byProcess) + "; CPU µs per submission: " + join(cpuMicrosPerSubmission.get(phase))));
        observations.forEach((what, value) -> out.println(what + ": " + value));
        out.flush();
    }

    public synchronized void writeJson(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", size);
        json.put("started", started.toString());
        json.put("machine", machine);
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("stage", line.stage());
            figure.put("figure", line.figure());
            figure.put("value", line.value());
            figure.put("unit", line.unit());
            if (line.hasPeer()) {
                figure.put("peer", Map.of("name", line.peerName(), "value", line.peer()));
                figure.put("ratio", line.ratio());
            }
            figure.put("goals", line.goals());
            figures.add(figure);
        }
        json.put("figures", figures);
        json.put("replayPhasesSeconds", replayPhasesSeconds);
        json.put("peakRssMiB", peakRssMiB);
        json.put("heapLimits", ServiceJvm.heaps());
        json.put("cpuSeconds", cpuSeconds);
        json.put("cpuMicrosPerSubmission", cpuMicrosPerSubmission);
        json.put("observations", observations);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String join(Map<String, ? extends Number> values) {
        return String.join(", ", values.entrySet().stream()
                .map(entry -> entry.getKey() + " " + (entry.getValue() instanceof Double d
                        ? String.format(Locale.ROOT, "%.1f", d) : entry.getValue().toString())).toList());
    }
}
