package io.missive.schemas.channels;

/**
 * {@code MISSIVE_RCS_MODE}: whether SpotHit messages may go as RCS. {@code OFF} until SpotHit's RCS
 * agent is configured; {@code SHORT_AS_BASIC} sends short text as RCS basic (billed like one SMS) and
 * media as RCS rich when the command asks for RCS; {@code ALWAYS} also sends media as RCS rich
 * without being asked.
 */
public enum RcsMode {
    OFF,
    SHORT_AS_BASIC,
    ALWAYS
}
