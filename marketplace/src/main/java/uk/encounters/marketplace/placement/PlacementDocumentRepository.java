package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/** The files organisations send with their placement paperwork: added, never changed, read back whole to download. */
public final class PlacementDocumentRepository {

    /** A file to download: its content with the name and type it is served under. */
    public record DocumentContent(String fileName, DocumentType type, byte[] content) {}

    private final DSLContext dsl;

    public PlacementDocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Keeps the file for the organisation, sent by {@code uploadedBy} at {@code uploadedAt}; its id. */
    public long add(long employerId, PlacementDocument document, Long uploadedBy, OffsetDateTime uploadedAt) {
        return dsl.insertInto(PLACEMENT_DOCUMENT)
                .set(PLACEMENT_DOCUMENT.EMPLOYER_ID, employerId)
                .set(PLACEMENT_DOCUMENT.KIND, document.kind())
                .set(PLACEMENT_DOCUMENT.CONTENT_TYPE, document.type())
                .set(PLACEMENT_DOCUMENT.FILE_NAME, document.fileName())
                .set(PLACEMENT_DOCUMENT.BYTE_SIZE, document.content().length)
                .set(PLACEMENT_DOCUMENT.SHA256, sha256(document.content()))
                .set(PLACEMENT_DOCUMENT.CONTENT, document.content())
                .set(PLACEMENT_DOCUMENT.UPLOADED_BY, uploadedBy)
                .set(PLACEMENT_DOCUMENT.UPLOADED_AT, uploadedAt)
                .returning(PLACEMENT_DOCUMENT.ID)
                .fetchSingle()
                .getId();
    }

    /** The organisation's file; empty for a file of another organisation, as for none. */
    public Optional<DocumentContent> findContent(long employerId, long documentId) {
        return dsl.select(PLACEMENT_DOCUMENT.FILE_NAME, PLACEMENT_DOCUMENT.CONTENT_TYPE, PLACEMENT_DOCUMENT.CONTENT)
                .from(PLACEMENT_DOCUMENT)
                .where(PLACEMENT_DOCUMENT.ID.eq(documentId))
                .and(PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(employerId))
                .fetchOptional(Records.mapping(DocumentContent::new));
    }

    /** A file as pages list it, read through {@code d} (null when a left join found none). */
    static SelectField<StoredDocument> stored(uk.encounters.marketplace.jooq.tables.PlacementDocument d) {
        return DSL.row(d.ID, d.KIND, d.CONTENT_TYPE, d.FILE_NAME, d.BYTE_SIZE, d.UPLOADED_AT)
                .mapping((id, kind, type, name, size, at) ->
                        id == null ? null : new StoredDocument(id, kind, type, name, size, instant(at)));
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
