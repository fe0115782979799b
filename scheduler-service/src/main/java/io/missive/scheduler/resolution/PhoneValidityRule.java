package io.missive.scheduler.resolution;

import io.missive.schemas.phones.PhoneNumbers;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A recipient needs a phone that is a valid number, kept in E.164 ({@code INVALID_PHONE}). */
final class PhoneValidityRule {

    private PhoneValidityRule() {
    }

    static Optional<String> e164(@Nullable String phone) {
        return PhoneNumbers.toE164(phone);
    }
}
