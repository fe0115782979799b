package io.missive.aircall.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.aircall.directory.Caller;
import io.missive.aircall.dispatch.DispatchState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightCardUnitTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aKnownParentsCardNamesThemTheirChildrenAndTheLastMessageWithItsStatusInParisTime() {
        var card = InsightCard.of(new Caller("p1", "Claire", List.of("Léa", "Tom")),
                Optional.of(new LastMessage("Bonjour !", DispatchState.FAILED, Instant.parse("2026-12-01T16:05:00Z"))), PARIS);

        assertThat(card.title()).isEqualTo("Claire");
        assertThat(card.lines()).containsExactly(
                new InsightCard.Line("Enfants", "Léa, Tom"),
                new InsightCard.Line("Dernier message", "« Bonjour ! » (01/12 17:05)"),
                new InsightCard.Line("Statut", "Échec"));
    }

    @Test
    void aParentWithoutChildrenOrMessagesSaysSoRatherThanShowingEmptyLines() {
        var card = InsightCard.of(new Caller("p1", null, List.of()), Optional.empty(), PARIS);

        assertThat(card.title()).isEqualTo("Parent");
        assertThat(card.lines()).containsExactly(
                new InsightCard.Line("Enfants", "Aucun enfant connu"),
                new InsightCard.Line("Dernier message", "Aucun message envoyé par cette ligne"));
    }

    @Test
    void aLongMessageIsCutAndAPendingOneIsOnItsWay() {
        var card = InsightCard.of(new Caller("p1", "Ana", List.of("Zoé")),
                Optional.of(new LastMessage("x".repeat(500), DispatchState.SENDING, Instant.parse("2026-12-01T08:00:00Z"))), PARIS);

        assertThat(card.lines().get(1).text()).hasSizeLessThan(140).contains("…");
        assertThat(card.lines().get(2).text()).isEqualTo("En cours d'envoi");
    }

    @Test
    void anUnknownCallerIsInformationIndisponible() {
        assertThat(InsightCard.unknownCaller().title()).isEqualTo("Information indisponible");
        assertThat(InsightCard.unknownCaller().lines()).isEmpty();
    }
}
