package io.missive.scheduler.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormLinksUnitTest {

    private final FormLinks links = new FormLinks(FormLinks.DEFAULT_PATTERNS);

    @Test
    void aTypeformOrVideoAskLinkWithAnStFragmentGetsTheParentsToken() {
        assertThat(links.tokenise("Répondez ici https://form.typeform.com/to/AbC12#st=xxxx merci"))
                .isEqualTo("Répondez ici https://form.typeform.com/to/AbC12#st={PARENT_SECURITY_TOKEN} merci");
        assertThat(links.tokenise("Vidéo : https://www.videoask.com/fq1z2#st=TOKEN"))
                .isEqualTo("Vidéo : https://www.videoask.com/fq1z2#st={PARENT_SECURITY_TOKEN}");
    }

    @Test
    void otherLinksAndFormLinksWithoutTheFragmentAreLeftAlone() {
        var text = "https://example.org/page#st=1 et https://form.typeform.com/to/AbC12 et {URL}";

        assertThat(links.tokenise(text)).isSameAs(text);
    }

    @Test
    void thePatternsAreConfiguration() {
        var custom = new FormLinks(List.of("https://forms\\.example\\.org/\\S*"));

        assertThat(custom.tokenise("https://forms.example.org/q#st=a")).isEqualTo("https://forms.example.org/q#st={PARENT_SECURITY_TOKEN}");
        assertThat(custom.tokenise("https://form.typeform.com/to/A#st=a")).isEqualTo("https://form.typeform.com/to/A#st=a");
    }
}
