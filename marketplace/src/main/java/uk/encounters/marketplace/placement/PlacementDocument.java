package uk.encounters.marketplace.placement;

import java.util.Optional;
import uk.encounters.marketplace.TypedText;

/**
 * A file an organisation sends with its placement paperwork: a PDF, PNG or JPEG by its content, of
 * 5 MB at most, with the name its sender's computer gave it made safe to show.
 *
 * @param fileName shown to whoever downloads it; one line, no folder, at most 200 characters
 */
public record PlacementDocument(DocumentKind kind, String fileName, DocumentType type, byte[] content) {

    /** A certificate or an assessment scanned as a photograph is a few megabytes at most. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** How the limit is written on the page, beside the file inputs and in their messages. */
    public static final String LIMIT_WORDS = "5 MB";

    public PlacementDocument {
        problemWith(content).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (DocumentType.of(content).orElseThrow() != type) {
            throw new IllegalArgumentException(
                    "The file is a " + DocumentType.of(content).orElseThrow() + ", not " + type);
        }
        fileName = TypedText.fileName(fileName, kind.getLiteral().replace('_', '-'));
    }

    /** The file sent, once its content is known to be a PDF, PNG or JPEG within the limit. */
    public static PlacementDocument of(DocumentKind kind, String sentName, byte[] content) {
        return new PlacementDocument(kind, sentName, DocumentType.of(content).orElse(null), content);
    }

    /** Why {@code content} cannot be kept, in words to show beside its file input; empty when it can. */
    public static Optional<String> problemWith(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of("The file is empty: choose the file again");
        }
        if (content.length > MAX_BYTES) {
            return Optional.of("The file must be " + LIMIT_WORDS + " or smaller");
        }
        if (DocumentType.of(content).isEmpty()) {
            return Optional.of("The file must be a PDF, PNG or JPEG");
        }
        return Optional.empty();
    }
}
