package io.missive.scheduler.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateUnitTest {

    @Test
    void rendersEveryKnownVariable() {
        var template = Template.parse("{PRENOM_ENFANT} : {URL} — {PRENOM_ACCOMPAGNANTE} au {NUMERO_AIRCALL_ACCOMPAGNANTE} "
                + "{PARENT_SECURITY_TOKEN} {PARENT_ADDRESS}");
        var rendering = template.render(Map.of(Variable.PRENOM_ENFANT, "Lina", Variable.URL, "https://m.example/r/Ab3dE5gH",
                Variable.PRENOM_ACCOMPAGNANTE, "Claire", Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, "+33176543210",
                Variable.PARENT_SECURITY_TOKEN, "tok$1", Variable.PARENT_ADDRESS, "1 rue de la Paix"));
        assertThat(rendering.complete()).isTrue();
        assertThat(rendering.body()).isEqualTo("Lina : https://m.example/r/Ab3dE5gH — Claire au +33176543210 tok$1 1 rue de la Paix");
    }

    @Test
    void anUnknownVariableIsNamed() {
        assertThatThrownBy(() -> Template.parse("Bonjour {PRENOM_PARENT}"))
                .isInstanceOf(UnknownVariableException.class).hasMessageContaining("{PRENOM_PARENT}");
    }

    @Test
    void aMissingValueIsReportedNeverFilledWithNothing() {
        var rendering = Template.parse("{PRENOM_ENFANT} et {PARENT_ADDRESS}").render(Map.of(Variable.PRENOM_ENFANT, "Lina"));
        assertThat(rendering.complete()).isFalse();
        assertThat(rendering.missing()).containsExactly(Variable.PARENT_ADDRESS);
    }

    @Test
    void lowerCaseBracesAreText() {
        assertThat(Template.parse("smile {ok}").variables()).isEmpty();
    }
}
