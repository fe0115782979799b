package io.missive.spothit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkPlannerUnitTest {

    private static final String TEMPLATE = "Bonjour {PRENOM_ENFANT}";

    private static RequestedMessage personalised(String campaign, int index, String phone) {
        return new RequestedMessage("m-" + campaign + "-" + index, campaign, phone, "Bonjour E" + index, TEMPLATE,
                Map.of("PRENOM_ENFANT", "E" + index), null);
    }

    @Test
    void oneCampaignWithATemplateBecomesPersonalisedCallsOfTheBatchSize() {
        var messages = new ArrayList<RequestedMessage>();
        for (int i = 0; i < 25; i++) {
            messages.add(personalised("c1", i, "+3361000000" + (10 + i)));
        }

        var calls = new BulkPlanner(10).plan(messages);

        assertThat(calls).hasSize(3).allSatisfy(call -> {
            assertThat(call.personalized()).isTrue();
            assertThat(call.text()).isEqualTo(TEMPLATE);
        });
        assertThat(calls).extracting(call -> call.recipients().size()).containsExactly(10, 10, 5);
        assertThat(calls.getFirst().recipients().getFirst().variables()).containsEntry("PRENOM_ENFANT", "E0");
    }

    @Test
    void campaignsAndAttachmentsNeverShareACall() {
        var calls = new BulkPlanner(100).plan(List.of(
                personalised("c1", 1, "+33610000001"),
                personalised("c2", 2, "+33610000002"),
                new RequestedMessage("m3", "c1", "+33610000003", "Photo", "Photo", Map.of(), "https://f/a.jpg")));

        assertThat(calls).hasSize(3);
        assertThat(calls).filteredOn(BulkSms::isMms).singleElement()
                .satisfies(call -> assertThat(call.attachmentUrl()).isEqualTo("https://f/a.jpg"));
    }

    @Test
    void bodiesTheTemplateDoesNotRenderAreGroupedByBody() {
        var calls = new BulkPlanner(100).plan(List.of(
                new RequestedMessage("m1", "c1", "+33610000001", "Salut A", "{X}", Map.of(), null),
                new RequestedMessage("m2", "c1", "+33610000002", "Salut B", "{X}", Map.of(), null),
                new RequestedMessage("m3", "c1", "+33610000003", "Salut A", "{X}", Map.of(), null)));

        assertThat(calls).hasSize(2).allSatisfy(call -> assertThat(call.personalized()).isFalse());
        assertThat(calls).extracting(BulkSms::text).containsExactly("Salut A", "Salut B");
        assertThat(calls.getFirst().messageIds()).containsExactly("m1", "m3");
    }

    @Test
    void aPhoneAppearsAtMostOncePerCall() {
        var calls = new BulkPlanner(100).plan(List.of(
                personalised("c1", 1, "+33610000001"),
                personalised("c1", 2, "+33610000001"),
                personalised("c1", 3, "+33610000002")));

        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(call -> assertThat(call.recipients().stream().map(BulkSms.Recipient::phone).distinct())
                .hasSameSizeAs(call.recipients()));
    }

    @Test
    void underShortAsBasicShortMessagesGoAsRcsBasicAndTheOthersAsSmsInTheirOwnCalls() {
        var calls = new BulkPlanner(100, io.missive.schemas.channels.RcsMode.SHORT_AS_BASIC).plan(List.of(
                personalised("c1", 1, "+33610000001"),
                new RequestedMessage("m2", "c1", "+33610000002", "é".repeat(81), "é".repeat(81), Map.of(), null),
                new RequestedMessage("m3", "c1", "+33610000003", "Vidéo", "Vidéo", Map.of(), null,
                        io.missive.events.ChannelChoice.RCS, "media-7"),
                new RequestedMessage("m4", "c1", "+33610000004", "Court", "Court", Map.of(), null,
                        io.missive.events.ChannelChoice.SMS, null)));

        assertThat(calls).extracting(BulkSms::channel, call -> call.recipients().size()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(io.missive.events.Channel.RCS_BASIC, 1),
                org.assertj.core.groups.Tuple.tuple(io.missive.events.Channel.SMS, 1),
                org.assertj.core.groups.Tuple.tuple(io.missive.events.Channel.RCS_RICH, 1),
                org.assertj.core.groups.Tuple.tuple(io.missive.events.Channel.SMS, 1));
        assertThat(calls).filteredOn(call -> call.channel() == io.missive.events.Channel.RCS_RICH)
                .singleElement().extracting(BulkSms::mediaId).isEqualTo("media-7");
        assertThat(calls).filteredOn(BulkSms::isRcs).allSatisfy(call -> assertThat(call.asSms().isRcs()).isFalse());
    }
}
