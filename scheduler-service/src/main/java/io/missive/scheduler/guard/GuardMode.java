package io.missive.scheduler.guard;

/** What a check does with a hit: nothing (not even look), record and send anyway, or record and hold the command. */
public enum GuardMode {
    OFF,
    MONITOR,
    BLOCK
}
