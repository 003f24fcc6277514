package uk.encounters.marketplace.placement;

import java.time.Instant;
import java.util.Locale;

/** A file kept with an organisation's placement paperwork, as pages list it (its content is read only to download it). */
public record StoredDocument(
        long id, DocumentKind kind, DocumentType type, String fileName, int byteSize, Instant uploadedAt) {

    /** Its size in plain words: "840 KB", "2.4 MB". */
    public String size() {
        if (byteSize < 1024 * 1024) {
            return Math.max(1, Math.round(byteSize / 1024.0)) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", byteSize / (1024.0 * 1024.0));
    }
}
