package io.missive.scheduler.program.http;

import io.missive.scheduler.CommandRejectedException;
import io.missive.scheduler.program.AttachmentScreen;
import io.missive.scheduler.program.ProgramCommand.AttachmentRef;
import io.missive.schemas.attachments.AttachmentFetcher;
import io.missive.schemas.attachments.AttachmentRefused;

/**
 * The attachment check at acceptance, through the one policy the SpotHit dispatcher fetches under: the declared type,
 * then the URL's scheme, host and addresses, then a bounded HEAD (or GET) for the real type and size. A refusal
 * becomes a 422 naming the rule ({@code ATTACHMENT_TOO_LARGE}…); an unreachable file is refused too, since the
 * dispatcher could not send it either.
 */
public final class FetchedAttachmentScreen implements AttachmentScreen {

    private final AttachmentFetcher fetcher;

    public FetchedAttachmentScreen(AttachmentFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public void check(AttachmentRef attachment) {
        try {
            fetcher.policy().checkType(attachment.contentType());
            fetcher.probe(attachment.url());
        } catch (AttachmentRefused refused) {
            throw new CommandRejectedException(refused.rule(), "attachment refused: " + refused.getMessage());
        }
    }
}
