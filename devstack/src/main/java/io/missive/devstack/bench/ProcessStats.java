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

    /**
     * A process with its children, as PostgreSQL runs (a backend per connection): the largest peak
     * RSS among them, and the CPU time of all of them, including children that already exited.
     */
    public static ProcessStats ofTree(long pid) {
        var root = of(pid);
        double exitedChildren = 0;
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            exitedChildren = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            // the root is gone: its own figures are already zero
        }
        long peak = root.peakRssKib();
        double cpu = root.cpuSeconds() + exitedChildren;
        for (var child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(java.util.List.of())) {
            var stats = of(child.pid());
            peak = Math.max(peak, stats.peakRssKib());
            cpu += stats.cpuSeconds();
        }
        return new ProcessStats(peak, cpu);
    }
}
