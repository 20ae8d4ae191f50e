package org.itapipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory of a process, as Linux keeps it ({@code VmHWM} in {@code /proc/<pid>/status}). */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** The peak resident set of the process in MiB, or -1 when it is unknown (ended, or not Linux). */
    static long peakRssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.substring(6).replace("kB", "").trim()) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
