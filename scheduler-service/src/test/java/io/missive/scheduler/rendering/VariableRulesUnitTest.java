package io.missive.scheduler.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableRulesUnitTest {

    @Test
    void upperCaseNamesWithinTheLimitsPass() {
        assertThat(VariableRules.check("variables", Map.of("CALL0_CALENDLY_LINK", "https://calendly.com/x",
                "RDV_CALENDLY_SCHEDULED_AT_HOUR", "14h30"))).isEmpty();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        assertThat(VariableRules.check("parents[0].variables", Map.of("call-0", "x")))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("parents[0].variables.call-0");
                    assertThat(v.rule()).contains("upper-case");
                });
        assertThat(VariableRules.check("variables", Map.of("URL", "x"))).singleElement()
                .satisfies(v -> assertThat(v.rule()).contains("built in"));
        assertThat(VariableRules.check("variables", Map.of("LONG", "é".repeat(2001)))).singleElement()
                .satisfies(v -> assertThat(v.rule()).contains("2000"));
        assertThat(VariableRules.check("variables", Map.of("LONG", "é".repeat(2000)))).isEmpty();
    }

    @Test
    void atMostSixtyFourEntries() {
        var variables = new HashMap<String, String>();
        for (int i = 0; i < 65; i++) {
            variables.put("V" + i, "x");
        }
        assertThat(VariableRules.check("variables", variables)).singleElement()
                .satisfies(v -> assertThat(v.rule()).contains("at most 64"));
        variables.remove("V0");
        assertThat(VariableRules.check("variables", variables)).isEmpty();
    }
}
