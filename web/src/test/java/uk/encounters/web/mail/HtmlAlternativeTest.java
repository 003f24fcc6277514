package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlAlternativeTest {

    @Test
    void paragraphsListsAndLinksComeFromTheTextAndSayTheSame() {
        String html = HtmlAlternative.of("""
                Hello Sam,

                This week's matching round asks Acme for 2 sessions.

                * Careers talk for 30 pupils in Year 9 at Bemrose School, Tue 8 Dec 2026 (morning), In school
                  Confirm: https://encounters.example/bookings/1/reply/abc?answer=confirm
                * Mock interviews for 20 pupils in Year 11 at Noel-Baker, Wed 9 Dec 2026 (afternoon), In school

                Employer Encounters
                """);

        assertThat(html)
                .contains("<p>Hello Sam,</p>")
                .contains("<ul>\n<li>Careers talk for 30 pupils in Year 9 at Bemrose School, Tue 8 Dec 2026")
                .contains("<br>\nConfirm: <a href=\"https://encounters.example/bookings/1/reply/abc?answer=confirm\">")
                .contains("<li>Mock interviews for 20 pupils")
                .contains("<p>Employer Encounters</p>")
                .contains("lang=\"en-GB\"");
    }

    @Test
    void aNameCanNeverBecomeMarkup() {
        String html = HtmlAlternative.of(
                "Hello <script>alert(1)</script> & \"friends\",\n\nSee https://x.example/a?b=1&c=2.");

        assertThat(html)
                .doesNotContain("<script>")
                .contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;,")
                // the full stop after an address is the sentence's, not the link's
                .contains("<a href=\"https://x.example/a?b=1&amp;c=2\">https://x.example/a?b=1&amp;c=2</a>.");
    }
}
