package io.missive.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident memory and CPU time of a process, read from Linux's /proc. */
public record ProcessStats(long peakRssKib, double cpuSeconds) {

    private static final double CLOCK_TICKS = 100.0;

    public static ProcessStats of(long pid) {
        if (pid <= 0) {
            return new ProcessStats(0, 0);
        }
        try {
            long peak = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
            return new ProcessStats(peak, cpu);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(0, 0);
        }
    }
}
