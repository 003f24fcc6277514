package uk.encounters.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.jknack.handlebars.EscapingStrategy;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HtmlEscapingTest {

    final HtmlEscaping escaping = new HtmlEscaping();

    @Test
    void escapesWhatHandlebarsEscapesAndNothingElse() {
        assertThat(escaping.escape("<a href=\"x\" onclick='y'>`Tom & Jerry`</a>")
                        .toString())
                .isEqualTo(
                        "&lt;a href&#x3D;&quot;x&quot; onclick&#x3D;&#x27;y&#x27;&gt;&#x60;Tom &amp; Jerry&#x60;&lt;/a&gt;");
        assertThat(escaping.escape("Café Ørsted, Years 10–11 😀").toString()).isEqualTo("Café Ørsted, Years 10–11 😀");
        assertThat(escaping.escape(null).toString()).isEmpty();
    }

    @Test
    void givesTheSameTextAsTheLibrarysOwnEscapingForAnyInput() {
        Random random = new Random(20261124);
        String alphabet = "<>\"'`&=;#/\\ aZ09é–😀\n\t\u0000";
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            assertThat(escaping.escape(text).toString())
                    .as(text.toString())
                    .isEqualTo(EscapingStrategy.DEF.escape(text).toString());
        }
    }
}
