package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.CancelCommand;
import io.missive.events.LinkClicked;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one list of projected types: each event is claimed by its own key, anything else is refused. */
class ProjectedEventsUnitTest {

    @Test
    void anEventIsClaimedByItsOwnEventIdAndCountedUnderItsTypesName() {
        var click = LinkClicked.newBuilder().setEventId("click-1").setOccurredAt(Instant.EPOCH).setMessageId("m-1")
                .setCode("abc").setTargetUrl("https://example.org").build();
        assertThat(ProjectedEvents.eventId(click)).isEqualTo("click-1");
        assertThat(ProjectedEvents.typeOf(click)).isSameAs(ProjectedEvents.CLICK);
        assertThat(ProjectedEvents.CLICK.name()).isEqualTo("LinkClicked");
        assertThat(EventProjection.PROJECTED).hasSize(ProjectedEvents.ALL.size()).contains(LinkClicked.class);
    }

    @Test
    void anEventTheTrackerDoesNotProjectIsRefused() {
        var cancel = CancelCommand.newBuilder().setEventId("cancel-1").setOccurredAt(Instant.EPOCH).setCommandId("c-1").build();
        assertThat(EventProjection.PROJECTED).doesNotContain(CancelCommand.class);
        assertThatThrownBy(() -> ProjectedEvents.eventId(cancel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CancelCommand");
    }
}
