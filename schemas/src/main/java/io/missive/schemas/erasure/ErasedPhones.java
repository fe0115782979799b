package io.missive.schemas.erasure;

import java.util.Collection;
import java.util.Set;

/** Which phones belong to erased parents: a dispatcher fails their requests {@code ERASED} (docs/decisions/0022). */
@FunctionalInterface
public interface ErasedPhones {

    /** For tests and wiring without a database: nobody was erased. */
    ErasedPhones NONE = phones -> Set.of();

    /** The phones among these whose parent was erased. */
    Set<String> among(Collection<String> phones);
}
