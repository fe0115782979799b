package io.missive.tracker.directory;

import io.missive.schemas.phones.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * What the tracker keeps of a directory parent: whom a reply or call from {@code phone} belongs to.
 *
 * @param phone E.164 after the one normaliser, the form the gateway publishes replies and calls in; null when the
 *              directory holds none or something that is not a phone number (such a parent is never matched)
 */
public record ParentContact(String parentId, @Nullable String phone, @Nullable String supporterId) {

    public static ParentContact of(String parentId, @Nullable String phone, @Nullable String supporterId) {
        return new ParentContact(parentId, phone == null ? null : PhoneNumbers.toE164(phone).orElse(null), supporterId);
    }
}
