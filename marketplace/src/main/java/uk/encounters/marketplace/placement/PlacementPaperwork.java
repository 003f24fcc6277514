package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DECLARATION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;

/**
 * An organisation's placement paperwork: the declaration in force, the ones before it, and
 * declaring again. A declaration, the files sent with it and its audit entry are one transaction;
 * the files it does not replace are kept from the declaration in force.
 */
public final class PlacementPaperwork {

    private static final String WORK_EXPERIENCE = "work_experience";

    private final DSLContext dsl;
    private final Clock clock;

    public PlacementPaperwork(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The declaration in force: the newest. */
    public Optional<Declaration> current(long employerId) {
        return inForce(dsl, employerId);
    }

    /** The organisation's declaration in force, read in {@code dsl}'s transaction. */
    static Optional<Declaration> inForce(DSLContext dsl, long employerId) {
        return declarations(dsl, employerId).stream().findFirst();
    }

    /**
     * For each of the hosts with a declaration in force, the last day its paperwork holds ({@link
     * PaperworkStanding#holdsUntil}): what a round plans placements with.
     */
    public static Map<Long, LocalDate> holdsUntil(DSLContext dsl, Collection<Long> employerIds) {
        Map<Long, LocalDate> until = new HashMap<>();
        inForce(dsl, employerIds)
                .forEach((employer, d) ->
                        until.put(employer, PaperworkStanding.holdsUntil(d.insuranceExpiresOn(), d.riskAssessedOn())));
        return until;
    }

    /** {@link #inForce} for many organisations in one query, by organisation; those without one are absent. */
    static Map<Long, Declaration> inForce(DSLContext dsl, Collection<Long> employerIds) {
        Map<Long, Declaration> latest = new HashMap<>();
        if (employerIds.isEmpty()) {
            return latest;
        }
        declarations(dsl, PLACEMENT_DECLARATION.EMPLOYER_ID.in(employerIds))
                .forEach(d -> latest.putIfAbsent(d.employerId(), d));
        return latest;
    }

    /** Every declaration the organisation has made, newest first. */
    public List<Declaration> history(long employerId) {
        return declarations(dsl, employerId);
    }

    /** Whether the paperwork holds on {@code day}, and what is missing or out of date. */
    public PaperworkStanding standing(long employerId, LocalDate day) {
        return PaperworkStanding.of(current(employerId), day);
    }

    /**
     * Whether the organisation hosts placements, or means to: a work-experience offer it has not
     * withdrawn, a work-experience booking that is going ahead or went ahead, or paperwork declared.
     */
    public boolean hostsPlacements(long employerId) {
        return dsl.fetchExists(
                        OFFER,
                        OFFER.EMPLOYER_ID
                                .eq(employerId)
                                .and(OFFER.ENCOUNTER_TYPE.eq(WORK_EXPERIENCE))
                                .and(OFFER.STATUS.ne(OfferStatus.WITHDRAWN)))
                || dsl.fetchExists(
                        BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)),
                        OFFER.EMPLOYER_ID
                                .eq(employerId)
                                .and(BOOKING.ENCOUNTER_TYPE.eq(WORK_EXPERIENCE))
                                .and(BOOKING.STATUS.in(BookingStatus.HELD)))
                || dsl.fetchExists(PLACEMENT_DECLARATION, PLACEMENT_DECLARATION.EMPLOYER_ID.eq(employerId));
    }

    /**
     * Declares anew, with the files {@code sent}; the others the declaration needs are kept from
     * the one in force. Refused (nothing saved) when the declaration has a problem: pages check
     * {@link PlacementDeclaration#problems} first and show them beside their fields.
     *
     * @return the new declaration's id
     */
    public long declare(Actor actor, long employerId, PlacementDeclaration declaration, List<PlacementDocument> sent) {
        Map<DocumentKind, PlacementDocument> files = new EnumMap<>(DocumentKind.class);
        sent.forEach(file -> {
            if (files.put(file.kind(), file) != null) {
                throw new IllegalArgumentException("two files of one kind: " + file.kind());
            }
        });
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // one declaration at a time for an organisation, so each is checked against the one it follows
            tx.selectOne()
                    .from(EMPLOYER)
                    .where(EMPLOYER.ID.eq(employerId))
                    .forUpdate()
                    .execute();
            Optional<Declaration> current = inForce(tx, employerId);
            List<PlacementDeclaration.Problem> problems =
                    declaration.problems(LocalDate.now(clock), current, files.keySet());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Not declared: " + problems);
            }
            PlacementDocumentRepository documents = new PlacementDocumentRepository(tx);
            OffsetDateTime now = OffsetDateTime.now(clock);
            Map<DocumentKind, Long> ids = new EnumMap<>(DocumentKind.class);
            files.forEach((kind, file) -> ids.put(kind, documents.add(employerId, file, actor.userId(), now)));
            Long insurance = fileId(ids, current, DocumentKind.INSURANCE_CERTIFICATE);
            Long riskFile =
                    declaration.riskAnswers() == null ? fileId(ids, current, DocumentKind.RISK_ASSESSMENT) : null;
            Long policy = fileId(ids, current, DocumentKind.HEALTH_SAFETY_POLICY);
            long id = tx.insertInto(PLACEMENT_DECLARATION)
                    .set(PLACEMENT_DECLARATION.EMPLOYER_ID, employerId)
                    .set(PLACEMENT_DECLARATION.INSURER, declaration.insurer())
                    .set(PLACEMENT_DECLARATION.POLICY_NUMBER, declaration.policyNumber())
                    .set(PLACEMENT_DECLARATION.INSURANCE_EXPIRES_ON, declaration.insuranceExpiresOn())
                    .set(PLACEMENT_DECLARATION.INSURANCE_DOCUMENT_ID, insurance)
                    .set(PLACEMENT_DECLARATION.RISK_ASSESSMENT_DOCUMENT_ID, riskFile)
                    .set(
                            PLACEMENT_DECLARATION.RISK_ASSESSMENT,
                            declaration.riskAnswers() == null
                                    ? null
                                    : declaration.riskAnswers().json())
                    .set(PLACEMENT_DECLARATION.RISK_ASSESSED_ON, declaration.riskAssessedOn())
                    .set(
                            PLACEMENT_DECLARATION.HEALTH_SAFETY_STATEMENT,
                            declaration.healthSafetyStatement().isEmpty() ? null : declaration.healthSafetyStatement())
                    .set(PLACEMENT_DECLARATION.HEALTH_SAFETY_DOCUMENT_ID, policy)
                    .set(PLACEMENT_DECLARATION.SUPERVISOR_NAME, declaration.supervisorName())
                    .set(PLACEMENT_DECLARATION.SUPERVISOR_PHONE, declaration.supervisorPhone())
                    .set(PLACEMENT_DECLARATION.HOURS, declaration.hours())
                    .set(PLACEMENT_DECLARATION.DRESS_AND_EQUIPMENT, declaration.dressAndEquipment())
                    .set(PLACEMENT_DECLARATION.DECLARED_BY, actor.userId())
                    .set(PLACEMENT_DECLARATION.DECLARED_AT, now)
                    .returning(PLACEMENT_DECLARATION.ID)
                    .fetchSingle()
                    .getId();
            // what was declared and which files, not what was typed (the supervisor's name and phone stay out)
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("declaration", id);
            detail.put("insurance_expires_on", declaration.insuranceExpiresOn().toString());
            detail.put("risk_assessed_on", declaration.riskAssessedOn().toString());
            detail.put("risk_assessment", declaration.riskAnswers() == null ? "file" : "answered");
            detail.put("documents_sent", List.copyOf(ids.values()));
            new AuditLog(tx).record(actor, "placement_paperwork_declared", "employer", employerId, detail);
            return id;
        });
    }

    /** The file of {@code kind} sent now, else the one the declaration in force cites (null when none). */
    private static Long fileId(Map<DocumentKind, Long> sent, Optional<Declaration> current, DocumentKind kind) {
        if (sent.containsKey(kind)) {
            return sent.get(kind);
        }
        return current.map(d -> d.document(kind)).map(StoredDocument::id).orElse(null);
    }

    private static List<Declaration> declarations(DSLContext dsl, long employerId) {
        return declarations(dsl, PLACEMENT_DECLARATION.EMPLOYER_ID.eq(employerId));
    }

    /** Newest first for each organisation. */
    private static List<Declaration> declarations(DSLContext dsl, Condition organisations) {
        var insurance = PLACEMENT_DOCUMENT.as("insurance_document");
        var risk = PLACEMENT_DOCUMENT.as("risk_assessment_document");
        var policy = PLACEMENT_DOCUMENT.as("health_safety_document");
        var d = PLACEMENT_DECLARATION;
        return dsl.select(
                        d.ID,
                        d.EMPLOYER_ID,
                        d.INSURER,
                        d.POLICY_NUMBER,
                        d.INSURANCE_EXPIRES_ON,
                        PlacementDocumentRepository.stored(insurance),
                        PlacementDocumentRepository.stored(risk),
                        d.RISK_ASSESSMENT.convertFrom(RiskAnswers::of),
                        d.RISK_ASSESSED_ON,
                        d.HEALTH_SAFETY_STATEMENT,
                        PlacementDocumentRepository.stored(policy),
                        d.SUPERVISOR_NAME,
                        d.SUPERVISOR_PHONE,
                        d.HOURS,
                        d.DRESS_AND_EQUIPMENT,
                        APP_USER.DISPLAY_NAME,
                        d.DECLARED_AT.convertFrom(OffsetDateTime::toInstant))
                .from(d)
                .join(insurance)
                .on(insurance.ID.eq(d.INSURANCE_DOCUMENT_ID))
                .leftJoin(risk)
                .on(risk.ID.eq(d.RISK_ASSESSMENT_DOCUMENT_ID))
                .leftJoin(policy)
                .on(policy.ID.eq(d.HEALTH_SAFETY_DOCUMENT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(d.DECLARED_BY))
                .where(organisations)
                .orderBy(d.ID.desc()) // the order declared: one at a time for an organisation (declare locks it)
                .fetch(Records.mapping(Declaration::new));
    }
}
