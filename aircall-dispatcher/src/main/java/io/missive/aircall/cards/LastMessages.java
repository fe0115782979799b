package io.missive.aircall.cards;

import java.util.Optional;

/** The last message to a phone, from the dispatch ledger (decision 0304: what this service can know). */
public interface LastMessages {

    Optional<LastMessage> lastTo(String e164);
}
