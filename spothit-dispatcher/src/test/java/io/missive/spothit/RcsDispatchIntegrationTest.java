package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;

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
 * RCS through the dispatcher, against the simulator (docs/decisions/0206): short text goes as RCS
 * basic with the agent, long text as SMS without it; a media goes rich when asked; SpotHit refusing
 * RCS for the account sends the messages once as SMS, and the SENT says so.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=rcs-key",
        "missive.spothit.agent-id=agent-42",
        "missive.spothit.sender=Missive",
        "missive.spothit.rcs-mode=short-as-basic",
        "missive.spothit.dispatch.linger=100ms",
        "missive.spothit.dispatch.max-attempts=1"})
class RcsDispatchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("rcs-key"));

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
        spotHit.rcs(spotHit.rcsPlan().withMedia("media-1"));
    }

    @Test
    void shortTextGoesAsRcsBasicLongTextAsSmsAndAMediaAsRichWhenAsked(TestNamespace namespace) {
        var messages = new ArrayList<MessageRequested>();
        for (int i = 0; i < 5; i++) {
            messages.add(Requests.personalised("rcs-basic", Requests.phone(71, i), i));
        }
        var longText = "Bonjour, l'atelier de la semaine prochaine aura lieu à la médiathèque, apportez les carnets "
                + "et les photos des enfants, nous préparerons ensemble l'exposition de fin d'année.";
        messages.add(Requests.plain("rcs-long", Requests.phone(72, 1), longText));
        messages.add(MessageRequested.newBuilder(Requests.plain("rcs-rich", Requests.phone(73, 1), "Regardez la vidéo"))
                .setChannel(ChannelChoice.RCS).setMediaId("media-1").build());
        messages.add(MessageRequested.newBuilder(Requests.plain("rcs-sms", Requests.phone(74, 1), "Court"))
                .setChannel(ChannelChoice.SMS).build());

        var sent = send(namespace, messages);

        assertThat(sent).allSatisfy(event -> assertThat(event.getStatus()).isEqualTo(Status.SENT));
        assertThat(channelOf(sent, Requests.phone(71, 0))).isEqualTo(Channel.RCS_BASIC);
        assertThat(channelOf(sent, Requests.phone(72, 1))).isEqualTo(Channel.SMS);
        assertThat(channelOf(sent, Requests.phone(73, 1))).isEqualTo(Channel.RCS_RICH);
        assertThat(channelOf(sent, Requests.phone(74, 1))).isEqualTo(Channel.SMS);
        assertThat(sent).noneMatch(StatusUpdated::getFallback);
        // How each phone got it, as the simulator saw it (a campaign spread over partitions may take several calls).
        assertThat(endpointOf(Requests.phone(71, 0))).isIn("rcs_basic", "rcs_fallback_sms");
        assertThat(endpointOf(Requests.phone(72, 1))).isEqualTo("sms");
        assertThat(endpointOf(Requests.phone(73, 1))).isIn("rcs_single", "rcs_fallback_sms");
        assertThat(endpointOf(Requests.phone(74, 1))).isEqualTo("sms");
        assertThat(spotHit.calls()).noneMatch(call -> !call.accepted());
        assertThat(spotHit.duplicatedPhones()).isEmpty();
        // The agent is the RCS agent only: the SMS goes with its own sender.
        assertThat(spotHit.acceptedMessages()).filteredOn(m -> m.endpoint().equals("sms"))
                .extracting(AcceptedMessage::sender).containsOnly("Missive");
        var basicText = spotHit.acceptedMessages().stream().filter(m -> m.phone().equals(Requests.phone(71, 0)))
                .findFirst().orElseThrow().text();
        assertThat(basicText).startsWith("Bonjour, Enfant0 a une nouvelle vidéo");
    }

    @Test
    void anAccountWithoutRcsGetsItsMessagesOnceAsSmsAndTheSentSaysSo(TestNamespace namespace) {
        spotHit.rcs(spotHit.rcsPlan().disabledForTheAccount());
        var messages = List.of(Requests.plain("rcs-refused", Requests.phone(75, 1), "Atelier demain 10h"),
                Requests.plain("rcs-refused", Requests.phone(75, 2), "Atelier demain 10h"));

        var sent = send(namespace, messages);

        assertThat(sent).hasSize(2).allSatisfy(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.SENT);
            assertThat(event.getChannel()).isEqualTo(Channel.SMS);
            assertThat(event.getFallback()).isTrue();
            assertThat(event.getReason()).startsWith("RCS_REFUSED: SPOTHIT_rcs_disabled").endsWith("sent as SMS");
        });
        assertThat(spotHit.calls()).extracting(SpotHitCall::endpoint).containsExactly("rcs", "sms");
        assertThat(spotHit.acceptedCount(Requests.phone(75, 1))).isEqualTo(1);
        assertThat(spotHit.acceptedCount(Requests.phone(75, 2))).isEqualTo(1);
    }

    @Test
    void aFallbackThatMustWaitIsRetriedAsSmsNotAsRcsAgain(TestNamespace namespace) {
        spotHit.rcs(spotHit.rcsPlan().disabledForTheAccount());
        spotHit.faults().serverErrorsOnSms(1, 503);
        var messages = List.of(Requests.plain("rcs-refused-parked", Requests.phone(76, 1), "Atelier demain 10h"),
                Requests.plain("rcs-refused-parked", Requests.phone(76, 2), "Atelier demain 10h"));

        var sent = send(namespace, messages);

        assertThat(sent).hasSize(2).allSatisfy(event -> {
            assertThat(event.getStatus()).isEqualTo(Status.SENT);
            assertThat(event.getChannel()).isEqualTo(Channel.SMS);
        });
        // RCS refused once, the SMS fallback parked by a 503, then retried as SMS: never RCS a second time.
        assertThat(spotHit.calls()).extracting(SpotHitCall::endpoint).containsExactly("rcs", "sms", "sms");
        assertThat(spotHit.calls().get(1).httpStatus()).isEqualTo(503);
        assertThat(spotHit.acceptedCount(Requests.phone(76, 1))).isEqualTo(1);
        assertThat(spotHit.acceptedCount(Requests.phone(76, 2))).isEqualTo(1);
    }

    private static List<StatusUpdated> send(TestNamespace namespace, List<MessageRequested> messages) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            messages.forEach(message -> producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message));
            producer.flush();
            return statuses.awaitEvents(StatusUpdated.class, Requests::settled, messages.size(), WAIT);
        }
    }

    private static String endpointOf(String phone) {
        return spotHit.acceptedMessages().stream().filter(m -> m.phone().equals(phone)).findFirst().orElseThrow().endpoint();
    }

    private static Channel channelOf(List<StatusUpdated> events, String phone) {
        return events.stream().filter(e -> phone.equals(e.getPhone())).findFirst().orElseThrow().getChannel();
    }
}
