package io.missive.schemas.topics;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.AuditRecorded;
import io.missive.events.CancelCommand;
import io.missive.events.ChildRecord;
import io.missive.events.ErasureConfirmed;
import io.missive.events.GroupRecord;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.MessageCommand;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.OptOut;
import io.missive.events.ParentErased;
import io.missive.events.ParentRecord;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.StatusUpdated;
import io.missive.events.SupporterRecord;
import io.missive.events.TagRecord;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalog (DESIGN.md, "Topics"). Listener annotations need compile-time constants, so each
 * name also exists as a {@code *_NAME} constant; prefix it with {@link #PREFIX} so that a deployment
 * (or a test class) can put every topic under its own namespace with {@code missive.topics.prefix}.
 */
public final class Topics {

    /** Resolved by Spring from {@code missive.topics.prefix}; empty by default. */
    public static final String PREFIX = "${missive.topics.prefix:}";
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final String COMMANDS_NAME = "missive.commands";
    public static final String DIRECTORY_NAME = "missive.directory";
    public static final String PLANNED_NAME = "missive.sms.planned";
    public static final String SPOTHIT_REQUESTED_NAME = "missive.sms.spothit.requested";
    public static final String AIRCALL_REQUESTED_NAME = "missive.sms.aircall.requested";
    public static final String STATUS_NAME = "missive.sms.status";
    public static final String INBOUND_NAME = "missive.sms.inbound";
    public static final String OPTOUTS_NAME = "missive.optouts";
    public static final String LINKS_CLICKED_NAME = "missive.links.clicked";
    public static final String AIRCALL_MESSAGES_NAME = "missive.aircall.messages";
    public static final String AIRCALL_CALLS_NAME = "missive.aircall.calls";
    public static final String AUDIT_NAME = "missive.audit";
    public static final String ERASURES_NAME = "missive.erasures";

    public static final Topic COMMANDS = new Topic(COMMANDS_NAME, "commandId",
            List.of(MessageCommand.class, CancelCommand.class, ParentErased.class), 3, false, "upstream");
    public static final Topic DIRECTORY = new Topic(DIRECTORY_NAME, "parent:ID, child:ID, group:ID, supporter:ID, tag:ID, redirection:ID",
            List.of(ParentRecord.class, ChildRecord.class, GroupRecord.class, SupporterRecord.class,
                    TagRecord.class, RedirectionTargetRecord.class), 3, true, "upstream");
    public static final Topic PLANNED = new Topic(PLANNED_NAME, "messageId",
            List.of(MessagePlanned.class), 6, false, "scheduler-service");
    public static final Topic SPOTHIT_REQUESTED = new Topic(SPOTHIT_REQUESTED_NAME, "messageId",
            List.of(MessageRequested.class), 6, false, "scheduler-service");
    public static final Topic AIRCALL_REQUESTED = new Topic(AIRCALL_REQUESTED_NAME, "messageId",
            List.of(MessageRequested.class), 3, false, "scheduler-service");
    public static final Topic STATUS = new Topic(STATUS_NAME, "messageId, or the provider's message id for receipts",
            List.of(StatusUpdated.class), 6, false, "any");
    public static final Topic INBOUND = new Topic(INBOUND_NAME, "phone",
            List.of(InboundMessage.class), 3, false, "webhook-gateway");
    public static final Topic OPTOUTS = new Topic(OPTOUTS_NAME, "phone",
            List.of(OptOut.class), 3, true, "webhook-gateway");
    public static final Topic LINKS_CLICKED = new Topic(LINKS_CLICKED_NAME, "messageId",
            List.of(LinkClicked.class), 3, false, "webhook-gateway");
    public static final Topic AIRCALL_MESSAGES = new Topic(AIRCALL_MESSAGES_NAME, "Aircall message id",
            List.of(AircallMessageRecorded.class), 3, false, "aircall-dispatcher");
    public static final Topic AIRCALL_CALLS = new Topic(AIRCALL_CALLS_NAME, "call id",
            List.of(AircallCallEvent.class), 3, false, "webhook-gateway");
    /** Every audited act, keyed by actor; written by whichever service performs the act (see {@link TopicUsers}). */
    public static final Topic AUDIT = new Topic(AUDIT_NAME, "actor",
            List.of(AuditRecorded.class), 3, false, "any");

    /** Every service that holds personal data confirms a parent's erasure here (keyed by parent id). */
    public static final Topic ERASURES = new Topic(ERASURES_NAME, "parent id",
            List.of(ErasureConfirmed.class), 3, false, "any");

    public static final List<Topic> ALL = List.of(COMMANDS, DIRECTORY, PLANNED, SPOTHIT_REQUESTED,
            AIRCALL_REQUESTED, STATUS, INBOUND, OPTOUTS, LINKS_CLICKED, AIRCALL_MESSAGES, AIRCALL_CALLS,
            AUDIT, ERASURES);

    private Topics() {
    }

    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
