package uk.encounters.web.print;

import java.util.Objects;

/** A section heading, in bold; it is never left alone at the foot of a page. */
public record PrintedHeading(String text) implements PrintedBlock {

    public PrintedHeading {
        Objects.requireNonNull(text, "text");
    }
}
