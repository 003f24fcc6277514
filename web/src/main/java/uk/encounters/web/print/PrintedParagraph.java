package uk.encounters.web.print;

import java.util.Objects;

/** Plain text, wrapped to the page's width; a line break in the text starts a new line. */
public record PrintedParagraph(String text) implements PrintedBlock {

    public PrintedParagraph {
        Objects.requireNonNull(text, "text");
    }
}
