package io.missive.scheduler.program;

import io.missive.scheduler.program.ProgramCommand.AttachmentRef;

/**
 * A command's attachment, checked at acceptance under the one attachment policy (URL, host, addresses, and a
 * bounded look at its type and size), so a file SpotHit would never get is refused now, not at send time.
 */
@FunctionalInterface
public interface AttachmentScreen {

    /** @throws io.missive.scheduler.CommandRejectedException naming the rule the attachment breaks */
    void check(AttachmentRef attachment);

    /** No check: for tests that do not send attachments. */
    AttachmentScreen NONE = attachment -> {
    };
}
