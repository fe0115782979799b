package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Parent;
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

    /** A directory parent's phone was checked when the directory stored it (decision 0113): no parsing here. */
    static Optional<String> ofParent(Parent parent) {
        return Optional.ofNullable(parent.validPhone());
    }
}
