package io.missive.scheduler.planning;

import io.missive.events.Provider;
import io.missive.events.ProviderChoice;
import io.missive.scheduler.CommandRejectedException;
import io.missive.schemas.text.AircallBodyLength;
import org.jspecify.annotations.Nullable;

/**
 * The provider rule of DESIGN.md. {@code AUTO} takes Aircall only for purpose {@code call0_goals},
 * a supporter with an Aircall number id and Aircall messaging enabled; otherwise SpotHit.
 * Explicit {@code AIRCALL} must meet Aircall's limits or the command is rejected.
 */
public record ProviderPolicy(boolean aircallMessagingEnabled) {

    public static final String CALL0_GOALS = "call0_goals";
    /** Counted as {@link AircallBodyLength} counts (UTF-16 units), the dispatcher's count too. */
    public static final int AIRCALL_MAX_CHARACTERS = AircallBodyLength.MAX;

    public Decision choose(ProviderChoice choice, @Nullable String purpose,
                           @Nullable String supporterAircallNumberId, @Nullable String commandAircallNumberId) {
        return choose(choice, purpose, supporterAircallNumberId, commandAircallNumberId, false);
    }

    /**
     * Aircall sends no attachment: with one, {@code AUTO} never picks Aircall and explicit {@code AIRCALL} is rejected
     * (the attachment would otherwise be dropped without a word).
     */
    public Decision choose(ProviderChoice choice, @Nullable String purpose, @Nullable String supporterAircallNumberId,
                           @Nullable String commandAircallNumberId, boolean hasAttachment) {
        if (hasAttachment) {
            if (choice == ProviderChoice.AIRCALL) {
                throw new CommandRejectedException("ATTACHMENT_NOT_SENT_BY_AIRCALL",
                        "provider AIRCALL sends no attachment; send it through SPOTHIT (or AUTO), or without the attachment");
            }
            return new Decision(Provider.SPOTHIT, null, false);
        }
        var numberId = present(commandAircallNumberId) ? commandAircallNumberId : supporterAircallNumberId;
        return switch (choice) {
            case SPOTHIT -> new Decision(Provider.SPOTHIT, null, false);
            case AUTO -> CALL0_GOALS.equals(purpose) && present(supporterAircallNumberId) && aircallMessagingEnabled
                    ? new Decision(Provider.AIRCALL, numberId, false)
                    : new Decision(Provider.SPOTHIT, null, false);
            case AIRCALL -> {
                if (!aircallMessagingEnabled) {
                    throw new CommandRejectedException("AIRCALL_DISABLED",
                            "provider AIRCALL requested but Aircall messaging is off (AIRCALL_ENABLED and AIRCALL_MESSAGE_ENABLED must be true)");
                }
                if (!present(numberId)) {
                    throw new CommandRejectedException("AIRCALL_NUMBER_MISSING",
                            "provider AIRCALL needs an aircallNumberId, on the command or on the supporter");
                }
                yield new Decision(Provider.AIRCALL, numberId, true);
            }
        };
    }

    /**
     * Aircall sends one message to one recipient, at most 1600 characters. Explicit AIRCALL breaking
     * that is rejected; AUTO falls back to SpotHit rather than choose a provider that would refuse.
     */
    public Decision checkAircallLimits(Decision decision, int sendableRecipients, int longestBody) {
        if (decision.provider() != Provider.AIRCALL) {
            return decision;
        }
        boolean tooMany = sendableRecipients > 1;
        boolean tooLong = longestBody > AIRCALL_MAX_CHARACTERS;
        if (!tooMany && !tooLong) {
            return decision;
        }
        if (!decision.explicit()) {
            return new Decision(Provider.SPOTHIT, null, false);
        }
        if (tooMany) {
            throw new CommandRejectedException("AIRCALL_SINGLE_RECIPIENT",
                    "provider AIRCALL sends to one recipient; this command resolves to " + sendableRecipients);
        }
        throw new CommandRejectedException("AIRCALL_MESSAGE_TOO_LONG",
                "provider AIRCALL allows " + AIRCALL_MAX_CHARACTERS + " characters; the rendered message has " + longestBody);
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    public record Decision(Provider provider, @Nullable String aircallNumberId, boolean explicit) {
    }
}
