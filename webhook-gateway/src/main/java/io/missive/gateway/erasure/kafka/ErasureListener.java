package io.missive.gateway.erasure.kafka;

import io.missive.events.OptOut;
import io.missive.events.ParentErased;
import io.missive.gateway.erasure.GatewayErasure;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.optouts.OptOuts;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code ParentErased} from missive.commands. The gateway deletes the parent's tracked links and, as the writer of the
 * compacted missive.optouts, moves an opted-out phone's STOP to the phone's hash: the hashed record first, then the
 * phone's tombstone, so that no reader ever sees the phone opted in. Then it confirms on missive.erasures.
 */
public class ErasureListener {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureListener.class);
    private static final long ACK_TIMEOUT_MS = 30_000;

    private final JdbcClient jdbc;
    private final OptOuts optOuts;
    private final EventPublisher publisher;
    private final KafkaTemplate<Object, Object> template;
    private final Clock clock;

    public ErasureListener(JdbcClient jdbc, OptOuts optOuts, EventPublisher publisher, KafkaTemplate<Object, Object> template, Clock clock) {
        this.jdbc = jdbc;
        this.optOuts = optOuts;
        this.publisher = publisher;
        this.template = template;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME, groupId = Topics.PREFIX + "webhook-erasures", containerFactory = MissiveKafkaAutoConfiguration.SIDE_READER_FACTORY)
    public void on(ConsumerRecord<String, @Nullable Object> record) throws InterruptedException, ExecutionException, TimeoutException {
        if (!(record.value() instanceof ParentErased request)) {
            return;
        }
        var removed = new LinkedHashMap<String, Long>();
        removed.put("tracked_link", (long) jdbc.sql("delete from tracked_link where parent_id = :parent")
                .param("parent", request.getParentId()).update());
        long moved = 0;
        for (var phone : request.getPhones()) {
            var state = optOuts.state(phone);
            if (state.isPresent() && state.get().active()) {
                var hash = PhoneHash.of(phone);
                publisher.publishAndWait(Topics.OPTOUTS, hash, OptOut.newBuilder()
                        .setEventId(MessageIds.eventIdFrom("optout-erased", hash)).setOccurredAt(clock.instant())
                        .setPhone(hash).setProvider(state.get().provider()).setReason("STOP").build(), ACK_TIMEOUT_MS);
                moved++;
            }
            if (state.isPresent()) {
                template.send(publisher.names().of(Topics.OPTOUTS), phone, null).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        }
        removed.put("missive.optouts (moved to hash)", moved);
        publisher.publishAndWait(Topics.ERASURES, request.getParentId(),
                Erasures.confirmed(request, GatewayErasure.SERVICE, removed, moved > 0 ? Erasures.KEPT_OPT_OUT : null, clock.instant()),
                ACK_TIMEOUT_MS);
        LOG.info("event=parent_erased erasureId={} parentId={} removed={}", request.getErasureId(), request.getParentId(), removed);
    }
}
