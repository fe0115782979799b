package io.missive.gateway.links;

import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tracked links: which planned messages register one, and what a click becomes. Only http and https
 * targets announced on {@code missive.sms.planned} are ever registered, so {@code /r/{code}} cannot be
 * turned into an open redirect.
 */
public final class LinkRedirects {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
    private static final int MAX_URL_LENGTH = 2_048;

    private final TrackedLinks links;
    private final Clock clock;

    public LinkRedirects(TrackedLinks links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** The link a planned message carries, if it carries a usable one. */
    public static Optional<TrackedLink> linkOf(MessagePlanned planned) {
        var code = planned.getLinkCode();
        var url = planned.getRedirectionUrl();
        if (code == null || url == null || !isWellFormedCode(code) || !isSafeTarget(url)) {
            return Optional.empty();
        }
        return Optional.of(new TrackedLink(code, planned.getMessageId(), url, planned.getParentId()));
    }

    /**
     * Registers the links these planned messages carry, in one write; returns those that name a
     * code whose target is refused (not http(s), malformed). Messages without a link are neither.
     */
    public List<MessagePlanned> registerAll(List<MessagePlanned> planned) {
        var usable = new ArrayList<TrackedLink>(planned.size());
        var refused = new ArrayList<MessagePlanned>();
        for (var message : planned) {
            linkOf(message).ifPresentOrElse(usable::add, () -> {
                if (message.getLinkCode() != null) {
                    refused.add(message);
                }
            });
        }
        links.registerAll(usable);
        return refused;
    }

    /** Where {@code /r/{code}} leads, if the code is registered. */
    public Optional<TrackedLink> resolve(String code) {
        return isWellFormedCode(code) ? links.find(code) : Optional.empty();
    }

    /** A click on a link: every click counts, so each gets its own event id. */
    public OutgoingEvent clicked(TrackedLink link) {
        var event = LinkClicked.newBuilder()
                .setEventId(MessageIds.randomEventId())
                .setOccurredAt(clock.instant())
                .setMessageId(link.messageId())
                .setCode(link.code())
                .setTargetUrl(link.targetUrl())
                .build();
        return new OutgoingEvent(Topics.LINKS_CLICKED, link.messageId(), event);
    }

    public static boolean isWellFormedCode(@Nullable String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static boolean isSafeTarget(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
