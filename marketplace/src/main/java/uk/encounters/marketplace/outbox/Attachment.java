package uk.encounters.marketplace.outbox;

import java.util.regex.Pattern;

/**
 * A file sent with a message, such as a calendar invitation. Names and types are plain ASCII,
 * checked here: they become mail headers.
 */
public record Attachment(String filename, String contentType, byte[] content) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9 ._;=/+-]{1,120}");

    public Attachment {
        if (filename == null || !SAFE.matcher(filename).matches()) {
            throw new IllegalArgumentException("An attachment's name must be plain letters, digits and . _ - (1-120)");
        }
        if (contentType == null || !SAFE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("An attachment's content type must be plain ASCII");
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
