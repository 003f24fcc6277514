package uk.encounters.marketplace.placement;

import java.util.Arrays;
import java.util.Optional;
import uk.encounters.marketplace.StoredStatus;

/**
 * The kinds of file placement paperwork may be, stored in {@code placement_document.content_type},
 * and known by the bytes each begins with. A file is what its content says, whatever its name or the
 * type its sender's browser declared: a program renamed "insurance.pdf" is not a PDF.
 */
public enum DocumentType implements StoredStatus {
    PDF("application/pdf", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", "PNG image", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", "JPEG image", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    private final String contentType;
    private final String label;
    private final byte[] signature;

    DocumentType(String contentType, String label, byte[] signature) {
        this.contentType = contentType;
        this.label = label;
        this.signature = signature;
    }

    /** The media type stored, and sent when the file is downloaded. */
    @Override
    public String getLiteral() {
        return contentType;
    }

    @Override
    public String label() {
        return label;
    }

    /** The type the content begins as, if it is one of these. */
    public static Optional<DocumentType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.begins(content)).findFirst();
    }

    private boolean begins(byte[] content) {
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
