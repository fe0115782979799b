package io.missive.scheduler.program.kafka;

import io.missive.events.CancelCommand;
import io.missive.events.MessageCommand;
import io.missive.events.ParentErased;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.CommandBlockedException;
import io.missive.scheduler.CommandRejectedException;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramCommand;
import io.missive.scheduler.program.ProgramCommand.AttachmentRef;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.resolution.RecipientRequest;
import java.util.LinkedHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Commands from {@code missive.commands}. A command the service rejects has no reply channel on Kafka,
 * so it is logged and then thrown, which lands it in {@code missive.commands.DLT} with the reason in
 * the error headers; undecodable records get there through the deserializer. A command the send guard holds is
 * recorded as an attempt and consumed: retrying it would only hold it again. The consumer goes on.
 */
public class CommandListener {

    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

    private final ProgramService programs;

    public CommandListener(ProgramService programs) {
        this.programs = programs;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.COMMANDS_NAME)
    public void on(ConsumerRecord<String, @Nullable Object> record) {
        switch (record.value()) {
            case MessageCommand command -> {
                try {
                    var receipt = programs.accept(toDomain(command), Origin.kafka(command.getAuthor()));
                    LOG.info("event=command_consumed campaignId={} replay={}", command.getCommandId(), receipt.replay());
                } catch (CommandBlockedException e) {
                    // Recorded as a guard attempt for an admin: consumed, not retried and not dead-lettered.
                    LOG.warn("event=command_held campaignId={} attempt={}", command.getCommandId(), e.attemptId());
                } catch (CommandRejectedException e) {
                    LOG.warn("event=command_rejected campaignId={} code={} reason={}", command.getCommandId(), e.code(), e.getMessage());
                    throw e;
                }
            }
            case CancelCommand cancel -> programs.cancel(cancel.getCommandId(),
                    cancel.getReason() == null ? "cancel command" : cancel.getReason(), Origin.kafka(null));
            // Erasures have their own consumer group (erasure.kafka.ErasureListener), like in every other service.
            case ParentErased ignored -> { }
            case null -> LOG.debug("event=command_tombstone key={}", record.key());
            default -> throw new IllegalArgumentException("missive.commands does not carry " + record.value().getClass().getSimpleName());
        }
    }

    static ProgramCommand toDomain(MessageCommand command) {
        var recipients = command.getRecipients().stream().map(spec -> {
            var variables = new LinkedHashMap<String, String>();
            spec.getVariables().forEach((k, v) -> variables.put(k.toString(), v.toString()));
            return new RecipientRequest(spec.getSelector(), spec.getPhone(), variables);
        }).toList();
        var attachment = command.getAttachment() == null ? null : new AttachmentRef(command.getAttachment().getFileName(),
                command.getAttachment().getContentType(), command.getAttachment().getUrl());
        return new ProgramCommand(command.getCommandId(), command.getPlannedDate(), command.getPlannedHour(), command.getPlannedAt(),
                recipients, command.getMessage(), attachment, command.getRedirectionTargetId(), command.getQuitMessage(),
                command.getWorkshopId(), command.getSupporterId(), command.getGroupStatus(), command.getProvider(),
                command.getAircallNumberId(), command.getPurpose(), command.getUrgent(), command.getChannel(), command.getMediaId());
    }
}
