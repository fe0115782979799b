package io.missive.scheduler.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateUnitTest {

    @Test
    void rendersEveryKnownVariable() {
        var template = Template.parse("{PRENOM_ENFANT} : {URL} — {PRENOM_ACCOMPAGNANTE} au {NUMERO_AIRCALL_ACCOMPAGNANTE} "
                + "{PARENT_SECURITY_TOKEN} {PARENT_ADDRESS}");
        var rendering = template.render(Map.of("PRENOM_ENFANT", "Lina", "URL", "https://m.example/r/Ab3dE5gH",
                "PRENOM_ACCOMPAGNANTE", "Claire", "NUMERO_AIRCALL_ACCOMPAGNANTE", "+33176543210",
                "PARENT_SECURITY_TOKEN", "tok$1", "PARENT_ADDRESS", "1 rue de la Paix"));
        assertThat(rendering.complete()).isTrue();
        assertThat(rendering.body()).isEqualTo("Lina : https://m.example/r/Ab3dE5gH — Claire au +33176543210 tok$1 1 rue de la Paix");
    }

    @Test
    void anUnknownVariableIsNamed() {
        assertThatThrownBy(() -> Template.parse("Bonjour {PRENOM_PARENT}"))
                .isInstanceOf(UnknownVariableException.class).hasMessageContaining("{PRENOM_PARENT}");
    }

    @Test
    void aVariableTheDirectoryDeclaresIsKnownAndRendered() {
        var declared = Set.of("CALL0_CALENDLY_LINK");
        var template = Template.parse("Prenez rendez-vous : {CALL0_CALENDLY_LINK} ({PRENOM_ENFANT})", declared::contains);

        assertThat(template.variables()).containsExactly("CALL0_CALENDLY_LINK", "PRENOM_ENFANT");
        assertThat(template.render(Map.of("CALL0_CALENDLY_LINK", "https://calendly.com/c/1", "PRENOM_ENFANT", "Lina")).body())
                .isEqualTo("Prenez rendez-vous : https://calendly.com/c/1 (Lina)");
        assertThatThrownBy(() -> Template.parse("{CALL1_CALENDLY_LINK}", declared::contains))
                .isInstanceOf(UnknownVariableException.class).hasMessageContaining("{CALL1_CALENDLY_LINK}");
    }

    @Test
    void aMissingValueIsReportedByNameNeverFilledWithNothing() {
        var rendering = Template.parse("{PRENOM_ENFANT} et {CALL0_CALENDLY_LINK} et {PARENT_ADDRESS}", name -> true)
                .render(Map.of("PRENOM_ENFANT", "Lina"));
        assertThat(rendering.complete()).isFalse();
        assertThat(rendering.missing()).containsExactly("CALL0_CALENDLY_LINK", "PARENT_ADDRESS");
        assertThat(rendering.firstMissing()).isEqualTo("CALL0_CALENDLY_LINK");
    }

    @Test
    void lowerCaseBracesAreText() {
        assertThat(Template.parse("smile {ok}").variables()).isEmpty();
    }
}
