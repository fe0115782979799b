package io.missive.simulators.spothit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the simulator's RCS endpoint behaves. Whether a phone can receive RCS, and whether it reads a
 * message, is drawn from the number itself (a name-based UUID of it), so a run is repeatable: the
 * same phones fall back, the same phones read.
 *
 * @param callbackUrl    where the {@code messageStatusChanged} events go (JSON POST), or none
 * @param capableShare   the share of phones that can receive RCS (the others get the fallback SMS)
 * @param readShare      the share of RCS-capable phones that read the message
 * @param delay          before SENT and DELIVERED
 * @param readDelay      before READ, after acceptance
 * @param mediaIds       the media ids SpotHit knows (a rich message with another one is refused)
 * @param accountEnabled false: the account has no RCS, every RCS call is refused
 */
public record RcsPlan(@Nullable String callbackUrl, double capableShare, double readShare, Duration delay,
                      Duration readDelay, Set<String> mediaIds, boolean accountEnabled) {

    public RcsPlan {
        mediaIds = Set.copyOf(mediaIds);
    }

    /** 70 % of phones capable, 60 % of those read after 2 s; the events go next to the SMS receipts. */
    public static RcsPlan defaults(@Nullable String callbackUrl) {
        return new RcsPlan(callbackUrl, 0.70, 0.60, Duration.ofMillis(300), Duration.ofSeconds(2), Set.of(), true);
    }

    /**
     * The RCS callback beside an SMS receipt callback: {@code …/spot_hit/status?…} becomes
     * {@code …/spot_hit/rcs?…} (the gateway's paths; the query, e.g. a shared secret, is kept).
     */
    public static RcsPlan besideReceipts(SpotHitSimulatorConfig.ReceiptPlan receipts) {
        var url = receipts.callbackUrl();
        return defaults(url == null || !url.contains("/spot_hit/status") ? null : url.replace("/spot_hit/status", "/spot_hit/rcs"));
    }

    public RcsPlan withCallback(@Nullable String url) {
        return new RcsPlan(url, capableShare, readShare, delay, readDelay, mediaIds, accountEnabled);
    }

    public RcsPlan withShares(double capable, double read) {
        return new RcsPlan(callbackUrl, capable, read, delay, readDelay, mediaIds, accountEnabled);
    }

    public RcsPlan withTiming(Duration delay, Duration readDelay) {
        return new RcsPlan(callbackUrl, capableShare, readShare, delay, readDelay, mediaIds, accountEnabled);
    }

    public RcsPlan withMedia(String... ids) {
        return new RcsPlan(callbackUrl, capableShare, readShare, delay, readDelay, Set.of(ids), accountEnabled);
    }

    /** The account has no RCS: every RCS call is refused. */
    public RcsPlan disabledForTheAccount() {
        return new RcsPlan(callbackUrl, capableShare, readShare, delay, readDelay, mediaIds, false);
    }

    public boolean capable(String phone) {
        return draw(phone, "rcs") < capableShare;
    }

    public boolean reads(String phone) {
        return capable(phone) && draw(phone, "read") < readShare;
    }

    boolean enabled() {
        return callbackUrl != null && !callbackUrl.isBlank();
    }

    private static double draw(String phone, String salt) {
        var uuid = UUID.nameUUIDFromBytes((salt + ":" + phone).getBytes(StandardCharsets.UTF_8));
        // The low 62 bits: the two above them are the UUID's fixed variant bits.
        return (uuid.getLeastSignificantBits() & ((1L << 62) - 1)) / (double) (1L << 62);
    }
}
