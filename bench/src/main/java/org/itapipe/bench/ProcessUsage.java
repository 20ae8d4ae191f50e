package org.itapipe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux counts for a process: its peak resident memory ({@code VmHWM} in {@code /proc/<pid>/status}) and the CPU
 * time it has used ({@code utime + stime} in {@code /proc/<pid>/stat}). Both read -1 when unknown (the process ended,
 * or this is not Linux).
 */
final class ProcessUsage {

    /** USER_HZ, the unit of the CPU times in /proc; 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessUsage() {
    }

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

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it start past its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
