package io.missive.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Peak resident memory and CPU time of a process, read from Linux's /proc. */
public record ProcessStats(long peakRssKib, double cpuSeconds) {

    private static final double CLOCK_TICKS = 100.0;
    // Indexes in the fields after the command name: user and system time, then those of waited-for children.
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    public static ProcessStats of(long pid) {
        if (pid <= 0) {
            return new ProcessStats(0, 0);
        }
        try {
            long peak = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
            var stat = stat(pid);
            return new ProcessStats(peak, seconds(stat, UTIME) + seconds(stat, STIME));
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
            var stat = stat(pid);
            exitedChildren = seconds(stat, CUTIME) + seconds(stat, CSTIME);
        } catch (IOException | RuntimeException e) {
            // the root is gone: its own figures are already zero
        }
        long peak = root.peakRssKib();
        double cpu = root.cpuSeconds() + exitedChildren;
        for (var child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            var stats = of(child.pid());
            peak = Math.max(peak, stats.peakRssKib());
            cpu += stats.cpuSeconds();
        }
        return new ProcessStats(peak, cpu);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces). */
    private static String[] stat(long pid) throws IOException {
        var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static double seconds(String[] stat, int field) {
        return Long.parseLong(stat[field]) / CLOCK_TICKS;
    }
}
