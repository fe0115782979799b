package io.missive.schemas.optouts;

import io.missive.events.Provider;

/** A phone's last opt-out record: {@code active} while opted out, false once opted back in; through which provider. */
public record OptOutState(boolean active, Provider provider) {
}
