package io.missive.testkit.data;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.Attachment;
import io.missive.events.AuditRecorded;
import io.missive.events.CancelCommand;
import io.missive.events.ChildRecord;
import io.missive.events.ErasureConfirmed;
import io.missive.events.GroupRecord;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.MessageCommand;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.OptOut;
import io.missive.events.ParentErased;
import io.missive.events.ParentRecord;
import io.missive.events.Provider;
import io.missive.events.ProviderChoice;
import io.missive.events.RecipientSpec;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.events.SupporterRecord;
import io.missive.events.TagRecord;
import io.missive.schemas.ids.MessageIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in example of every event type, for tests and demos. */
public final class SampleEvents {

    private static final Instant NOW = Instant.parse("2026-11-25T09:30:00Z").truncatedTo(ChronoUnit.MILLIS);
    private static final String MESSAGE_ID = MessageIds.messageId("cmd-sample", "parent:1");

    private SampleEvents() {
    }

    /** Every event type of the catalog, each once, with the record key its topic expects. */
    public static Map<String, SpecificRecord> all() {
        return Map.ofEntries(
                Map.entry("cmd-sample", messageCommand()),
                Map.entry("cmd-cancel", CancelCommand.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setCommandId("cmd-sample").setReason("changed our minds").build()),
                Map.entry("parent:1", ParentRecord.newBuilder().setId("1").setPhone("+33612345678").setFirstName("Awa")
                        .setSecurityToken("tok-1").setAddress("1 rue de la Paix, 75002 Paris")
                        .setTagIds(List.of("7")).setSupporterId("9").build()),
                Map.entry("child:2", ChildRecord.newBuilder().setId("2").setFirstName("Lina").setParentId("1").setGroupId("3").build()),
                Map.entry("group:3", GroupRecord.newBuilder().setId("3").setName("Paris 2026").setStatus("active").build()),
                Map.entry("supporter:9", SupporterRecord.newBuilder().setId("9").setFirstName("Claire")
                        .setAircallNumber("+33176543210").setAircallNumberId("123456").build()),
                Map.entry("tag:7", TagRecord.newBuilder().setId("7").setName("newsletter").build()),
                Map.entry("redirection:5", RedirectionTargetRecord.newBuilder().setId("5")
                        .setUrl("https://example.org/videos/42").setName("video 42").build()),
                Map.entry(MESSAGE_ID, MessagePlanned.newBuilder().setEventId(id()).setOccurredAt(NOW).setMessageId(MESSAGE_ID)
                        .setCampaignId("cmd-sample").setParentId("1").setChildId("2").setPhone("+33612345678")
                        .setProvider(Provider.SPOTHIT).setBody("Lina a une nouvelle vidéo : https://m.example/r/Ab3dE5gH")
                        .setSegments(1).setEncoding("GSM7").setPlannedAt(NOW).setLinkCode("Ab3dE5gH")
                        .setRedirectionTargetId("5").setRedirectionUrl("https://example.org/videos/42").build()),
                Map.entry(MESSAGE_ID + "-requested", MessageRequested.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setMessageId(MESSAGE_ID).setCampaignId("cmd-sample").setProvider(Provider.SPOTHIT)
                        .setPhone("+33612345678").setBody("Lina a une nouvelle vidéo : https://m.example/r/Ab3dE5gH")
                        .setTemplate("{PRENOM_ENFANT} a une nouvelle vidéo : {URL}")
                        .setVariables(Map.of("PRENOM_ENFANT", "Lina", "URL", "https://m.example/r/Ab3dE5gH"))
                        .setSegments(1).setParentId("1").setDueAt(NOW)
                        .setAttachment(Attachment.newBuilder().setFileName("a.jpg").setContentType("image/jpeg")
                                .setUrl("https://example.org/a.jpg").build()).build()),
                Map.entry(MESSAGE_ID + "-status", StatusUpdated.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setMessageId(MESSAGE_ID).setProvider(Provider.SPOTHIT).setProviderMessageId("sh-77")
                        .setPhone("+33612345678").setStatus(Status.SENT).setSource("spothit-dispatcher").setAttempts(1).build()),
                Map.entry("+33612345678", InboundMessage.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setProvider(Provider.SPOTHIT).setPhone("+33612345678").setBody("Merci !")
                        .setKind(InboundKind.REPLY).build()),
                Map.entry("+33612345679", OptOut.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setPhone("+33612345679").setProvider(Provider.SPOTHIT).build()),
                Map.entry(MESSAGE_ID + "-click", LinkClicked.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setMessageId(MESSAGE_ID).setCode("Ab3dE5gH").setTargetUrl("https://example.org/videos/42").build()),
                Map.entry("ac-1", AircallMessageRecorded.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setAircallMessageId("ac-1").setMessageId(MESSAGE_ID).setParentId("1").setCallerId("9")
                        .setNumberId("123456").setPhone("+33612345678").setBody("Bonjour").build()),
                Map.entry("call-1", AircallCallEvent.newBuilder().setEventId(id()).setOccurredAt(NOW)
                        .setCallId("call-1").setEvent("call.ended").setDirection("outbound").setStatus("done")
                        .setPhone("+33612345678").setNumberId("123456").setUserId("9").setDurationSeconds(300).build()),
                Map.entry("claire@example.org", AuditRecorded.newBuilder().setEventId(id()).setActor("claire@example.org")
                        .setAct("program").setTarget("campaign:cmd-sample").setDetails(Map.of("recipients", "1"))
                        .setAt(NOW).setFrom("10.0.0.7").setService("scheduler-service").build()),
                Map.entry("erasure-1", ParentErased.newBuilder().setEventId(id()).setOccurredAt(NOW).setErasureId("erasure-1")
                        .setParentId("1").setPhones(List.of("+33612345678")).setAuthor("dpo@example.org")
                        .setReason("the family asked").build()),
                Map.entry("parent-1-erased", ErasureConfirmed.newBuilder().setEventId(id()).setOccurredAt(NOW).setErasureId("erasure-1")
                        .setParentId("1").setService("status-tracker").setRemoved(Map.of("text_message_events", 1L)).build()));
    }

    /**
     * A message due now for one recipient of a campaign, as the scheduler publishes it (its id is
     * {@code messageId(campaignId, phone)}); adjust the builder and {@code build()}.
     */
    public static MessageRequested.Builder messageRequested(Provider provider, String campaignId, String phone, String body) {
        var now = Instant.now();
        return MessageRequested.newBuilder()
                .setEventId(MessageIds.randomEventId())
                .setOccurredAt(now)
                .setMessageId(MessageIds.messageId(campaignId, phone))
                .setCampaignId(campaignId)
                .setProvider(provider)
                .setPhone(phone)
                .setBody(body)
                .setTemplate(body)
                .setSegments(1)
                .setDueAt(now);
    }

    public static MessageCommand messageCommand() {
        return MessageCommand.newBuilder().setEventId(id()).setOccurredAt(NOW).setCommandId("cmd-sample")
                .setPlannedDate("2026-11-25").setPlannedHour("10:30")
                .setRecipients(List.of(
                        RecipientSpec.newBuilder().setSelector("group.3").build(),
                        RecipientSpec.newBuilder().setPhone("0612345678").setVariables(Map.of("PRENOM_ENFANT", "Noé")).build()))
                .setMessage("{PRENOM_ENFANT} a une nouvelle vidéo : {URL}")
                .setRedirectionTargetId("5").setSupporterId("9").setProvider(ProviderChoice.AUTO).build();
    }

    private static String id() {
        return MessageIds.randomEventId();
    }
}
