package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Attachment;
import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.events.MessageRequested;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.spothit.AcceptedMessage;
import io.missive.simulators.spothit.SpotHitCall;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * MMS and RCS rich through SpotHit's media upload (issue 17, docs/decisions/0207): the dispatcher fetches the attachment
 * under the shared policy, uploads it once per content, and names the media id; a campaign split into several calls,
 * a parked call sent again, and a second campaign with the same file all reuse the one upload.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=mms-key",
        "missive.spothit.agent-id=agent-17",
        "missive.spothit.rcs-mode=short-as-basic",
        "missive.spothit.dispatch.batch-size=3",
        "missive.spothit.dispatch.linger=100ms",
        "missive.spothit.dispatch.max-attempts=1",
        "missive.spothit.dispatch.park-first-wait=200ms",
        "missive.spothit.dispatch.park-poll-interval=100ms",
        // The simulator serves the sample image on this machine: the devstack's own host, named explicitly.
        "missive.attachment.local-hosts=localhost"})
class MmsUploadIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The database outlives a run: a file of this run is new to it. */
    private static final String RUN = java.util.UUID.randomUUID().toString();
    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("mms-key"));

    @DynamicPropertySource
    static void spotHitUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.spothit.base-url", spotHit::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        spotHit.close();
    }

    @BeforeEach
    void reset() {
        spotHit.reset();
        spotHit.rcs(spotHit.rcsPlan().withMedia("known-elsewhere"));
    }

    @Test
    void aCampaignInSeveralCallsUploadsItsFileOnceAndEveryMmsNamesTheMediaId(TestNamespace namespace) {
        var messages = new ArrayList<MessageRequested>();
        for (int i = 0; i < 7; i++) {
            messages.add(withSample(Requests.plain("mms-once", Requests.phone(81, i), "La photo de l'atelier"), "once"));
        }

        var sent = settle(namespace, messages);

        assertThat(sent).hasSize(7).allSatisfy(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.SENT);
            assertThat(event.getChannel()).isEqualTo(Channel.MMS);
        });
        assertThat(spotHit.acceptedCalls()).hasSizeGreaterThanOrEqualTo(3).extracting(SpotHitCall::endpoint).containsOnly("mms");
        assertThat(spotHit.uploads()).singleElement().satisfies(upload -> assertThat(upload.contentType()).isEqualTo("image/png"));
        assertThat(spotHit.sampleFetches()).as("fetched once for the campaign").isEqualTo(1);
        var mediaId = spotHit.uploads().getFirst().mediaId();
        assertThat(spotHit.acceptedMessages()).hasSize(7).extracting(AcceptedMessage::attachment).containsOnly(mediaId);

        // Another campaign with the same file: fetched (to know its content), not uploaded again.
        var again = settle(namespace, List.of(withSample(Requests.plain("mms-same-file", Requests.phone(82, 1), "Encore"), "once")));
        assertThat(again).singleElement().satisfies(event -> assertThat(event.getStatus()).isEqualTo(Status.SENT));
        assertThat(spotHit.uploads()).hasSize(1);
        assertThat(spotHit.acceptedMessages()).extracting(AcceptedMessage::attachment).containsOnly(mediaId);
    }

    @Test
    void aCallSentAgainAfterSpotHitWasBusyReusesTheUploadedFile(TestNamespace namespace) {
        // Uploads are not rate-refused by the simulator; the MMS call is, once: it parks, then goes again.
        spotHit.faults().rateLimitRefusals(1);
        var message = withSample(Requests.plain("mms-parked", Requests.phone(83, 1), "Photo"), "parked");

        var sent = settle(namespace, List.of(message));

        assertThat(sent).singleElement().satisfies(event -> assertThat(event.getStatus()).isEqualTo(Status.SENT));
        assertThat(spotHit.calls()).extracting(SpotHitCall::endpoint).containsExactly("mms", "mms");
        assertThat(spotHit.uploads()).hasSize(1);
        assertThat(spotHit.sampleFetches()).as("the parked call neither fetched nor uploaded again").isEqualTo(1);
        assertThat(spotHit.acceptedMessages()).singleElement()
                .satisfies(m -> assertThat(m.attachment()).isEqualTo(spotHit.uploads().getFirst().mediaId()));
    }

    @Test
    void anAttachmentAskedAsRcsGoesRichWithTheUploadedMediaId(TestNamespace namespace) {
        var message = MessageRequested.newBuilder(withSample(Requests.plain("rcs-rich-upload", Requests.phone(84, 1), "La vidéo"), "rich"))
                .setChannel(ChannelChoice.RCS).build();

        var sent = settle(namespace, List.of(message));

        assertThat(sent).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.SENT);
            assertThat(event.getChannel()).isEqualTo(Channel.RCS_RICH);
        });
        assertThat(spotHit.calls()).extracting(SpotHitCall::endpoint).containsExactly("rcs");
        assertThat(spotHit.uploads()).hasSize(1);
        assertThat(spotHit.acceptedMessages()).singleElement().satisfies(m -> assertThat(m.endpoint()).isIn("rcs_single", "rcs_fallback_sms"));
    }

    @Test
    void aFileTheSimulatorDoesNotServeFailsTheMessageWithoutAnySend(TestNamespace namespace) {
        var message = MessageRequested.newBuilder(Requests.plain("mms-gone", Requests.phone(85, 1), "Photo"))
                .setAttachment(Attachment.newBuilder().setFileName("gone.png").setContentType("image/png")
                        .setUrl(spotHit.baseUrl() + "/simulator/gone.png").build())
                .build();

        var failed = settle(namespace, List.of(message));

        assertThat(failed).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.FAILED);
            assertThat(event.getReason()).startsWith("ATTACHMENT_UNREACHABLE");
        });
        assertThat(spotHit.calls()).isEmpty();
        assertThat(spotHit.uploads()).isEmpty();
    }

    /** Each test has a file of its own (the dispatcher's store outlives a test, as SpotHit's media do). */
    private static MessageRequested withSample(MessageRequested message, String file) {
        return MessageRequested.newBuilder(message)
                .setAttachment(Attachment.newBuilder().setFileName("sample.png").setContentType("image/png")
                        .setUrl(spotHit.sampleImageUrl(file + "-" + RUN)).build())
                .build();
    }

    private static List<StatusUpdated> settle(TestNamespace namespace, List<MessageRequested> messages) {
        var ids = messages.stream().map(MessageRequested::getMessageId).toList();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            messages.forEach(message -> producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message));
            producer.flush();
            return statuses.awaitEvents(StatusUpdated.class, e -> Requests.settled(e) && ids.contains(e.getMessageId()),
                    messages.size(), WAIT);
        }
    }
}
