package io.missive.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The whole machine's CPU time, busy and idle, from the first line of Linux's /proc/stat. */
record MachineCpu(long busyTicks, long idleTicks) {

    static MachineCpu now() {
        try {
            var fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] ticks = Arrays.stream(fields, 1, fields.length).mapToLong(Long::parseLong).toArray();
            long idle = ticks[3] + (ticks.length > 4 ? ticks[4] : 0);
            return new MachineCpu(Arrays.stream(ticks, 0, Math.min(8, ticks.length)).sum() - idle, idle);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(0, 0);
        }
    }

    /** The share of all cores' time that was busy since {@code earlier}, in percent. */
    double busyPercentSince(MachineCpu earlier) {
        long busy = busyTicks - earlier.busyTicks;
        long all = busy + idleTicks - earlier.idleTicks;
        return all <= 0 ? 0 : 100.0 * busy / all;
    }
}
