package io.missive.schemas.retention;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The retention policy, one age per kind of data ({@code MISSIVE_RETENTION_*}); defaults and their reasons are in
 * docs/decisions/0022. Every service binds the same record and uses the ages of the data it holds.
 *
 * @param enabled          false stops the purge (erasure still works)
 * @param messageBodies    after a message is finished, its body, phone and variables are redacted (status, times,
 *                         campaign and parent id stay for statistics)
 * @param inboundReplies   replies and STOP texts received from parents are deleted (the opt-out itself stays)
 * @param dedupe           processed-event keys ({@code processed_events}) are deleted: older duplicates cannot arrive
 * @param receiptParking   receipts parked for a SENT that never came ({@code provider_receipts}) are deleted
 * @param links            tracked links stop redirecting and are deleted
 * @param interval         how often the purge runs
 * @param batchSize        rows per statement: each batch is its own short transaction
 * @param pause            pause between two batches, so a purge yields to the live traffic
 */
@ConfigurationProperties("missive.retention")
public record RetentionProperties(
        @Nullable Boolean enabled,
        @Nullable Duration messageBodies,
        @Nullable Duration inboundReplies,
        @Nullable Duration dedupe,
        @Nullable Duration receiptParking,
        @Nullable Duration links,
        @Nullable Duration interval,
        @Nullable Integer batchSize,
        @Nullable Duration pause) {

    public static final Duration MESSAGE_BODIES = Duration.ofDays(180);
    public static final Duration INBOUND_REPLIES = Duration.ofDays(365);
    public static final Duration DEDUPE = Duration.ofDays(14);
    public static final Duration RECEIPT_PARKING = Duration.ofDays(14);
    public static final Duration LINKS = Duration.ofDays(180);

    public RetentionProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        messageBodies = positive("message-bodies", messageBodies, MESSAGE_BODIES);
        inboundReplies = positive("inbound-replies", inboundReplies, INBOUND_REPLIES);
        dedupe = positive("dedupe", dedupe, DEDUPE);
        receiptParking = positive("receipt-parking", receiptParking, RECEIPT_PARKING);
        links = positive("links", links, LINKS);
        interval = positive("interval", interval, Duration.ofHours(1));
        batchSize = batchSize == null ? 1_000 : batchSize;
        pause = pause == null ? Duration.ofMillis(20) : pause;
        if (batchSize < 1 || batchSize > 50_000) {
            throw new IllegalArgumentException("missive.retention.batch-size must be between 1 and 50000: " + batchSize);
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("missive.retention.pause must not be negative: " + pause);
        }
    }

    public static RetentionProperties defaults() {
        return new RetentionProperties(null, null, null, null, null, null, null, null, null);
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("missive.retention." + name + " must be positive: " + value);
        }
        return value;
    }
}
