package io.missive.scheduler.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.Provider;
import io.missive.events.ProviderChoice;
import io.missive.scheduler.CommandRejectedException;
import org.junit.jupiter.api.Test;

class ProviderPolicyUnitTest {

    private final ProviderPolicy enabled = new ProviderPolicy(true);
    private final ProviderPolicy disabled = new ProviderPolicy(false);

    @Test
    void autoTakesAircallOnlyWithAllThreeConditions() {
        assertThat(enabled.choose(ProviderChoice.AUTO, "call0_goals", "123", null).provider()).isEqualTo(Provider.AIRCALL);
        assertThat(enabled.choose(ProviderChoice.AUTO, "call1_goals", "123", null).provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(enabled.choose(ProviderChoice.AUTO, "call0_goals", null, "999").provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(disabled.choose(ProviderChoice.AUTO, "call0_goals", "123", null).provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(enabled.choose(ProviderChoice.SPOTHIT, "call0_goals", "123", null).provider()).isEqualTo(Provider.SPOTHIT);
    }

    @Test
    void autoFallsBackToSpotHitRatherThanBreakAircallLimits() {
        var aircall = enabled.choose(ProviderChoice.AUTO, "call0_goals", "123", null);
        assertThat(enabled.checkAircallLimits(aircall, 2, 100).provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(enabled.checkAircallLimits(aircall, 1, 1601).provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(enabled.checkAircallLimits(aircall, 1, 1600).provider()).isEqualTo(Provider.AIRCALL);
    }

    @Test
    void explicitAircallIsRejectedWithTheReason() {
        assertThatThrownBy(() -> disabled.choose(ProviderChoice.AIRCALL, null, "123", null))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("AIRCALL_MESSAGE_ENABLED");
        assertThatThrownBy(() -> enabled.choose(ProviderChoice.AIRCALL, null, null, null))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("aircallNumberId");
        var explicit = enabled.choose(ProviderChoice.AIRCALL, null, null, "777");
        assertThat(explicit.aircallNumberId()).isEqualTo("777");
        assertThatThrownBy(() -> enabled.checkAircallLimits(explicit, 2, 10)).hasMessageContaining("one recipient");
        assertThatThrownBy(() -> enabled.checkAircallLimits(explicit, 1, 1601)).hasMessageContaining("1600");
    }

    @Test
    void anAttachmentNeverGoesToAircall() {
        assertThat(enabled.choose(ProviderChoice.AUTO, "call0_goals", "123", null, true).provider()).isEqualTo(Provider.SPOTHIT);
        assertThat(enabled.choose(ProviderChoice.SPOTHIT, null, null, null, true).provider()).isEqualTo(Provider.SPOTHIT);
        assertThatThrownBy(() -> enabled.choose(ProviderChoice.AIRCALL, null, "123", null, true))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("ATTACHMENT_NOT_SENT_BY_AIRCALL"));
    }
}
