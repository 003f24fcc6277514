package uk.encounters.marketplace.employer;

import static org.jooq.impl.DSL.select;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.exception.IntegrityConstraintViolationException;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.offer.OfferSubmission;

/**
 * People asking to join an organisation already registered: their offer named it, or their email
 * is on its domain. Neither proves they work there (a shared domain, a common name), so nothing of
 * the organisation is theirs until one of its contacts or the hub's coordinator says yes. Until
 * then they see only their own offer, which waits, and the organisation gains no volunteer.
 */
public final class OrganisationJoinRepository {

    public enum Decision {
        /** they belong: they become a contact and their offer goes live */
        APPROVED("approved"),
        /** a different organisation of their own, made from what they typed, with their offer in it */
        SEPARATE("separate"),
        /** not genuine: their offer is withdrawn and they get nothing */
        REFUSED("refused");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Decision> ofCode(String code) {
            for (Decision d : values()) {
                if (d.code.equals(code)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /** A request the approver sees: who asked, for what, when, and why we matched it. */
    public record PendingJoin(
            long id,
            long employerId,
            String employerName,
            String personName,
            String email,
            String organisationTyped,
            String postcodeTyped,
            String matchedBy,
            OffsetDateTime requestedAt,
            String offerTitle) {

        /** The day they asked, where the schools are. */
        public java.time.LocalDate requestedOn() {
            return requestedAt
                    .atZoneSameInstant(java.time.ZoneId.of("Europe/London"))
                    .toLocalDate();
        }

        public String reason() {
            return switch (ExistingEmployer.Reason.valueOf(matchedBy.toUpperCase(java.util.Locale.ROOT))) {
                case SAME_EMAIL_DOMAIN -> "their email address is on the organisation's domain";
                case SAME_NAME_AND_POSTCODE -> "the same name at the same postcode";
                case SIMILAR_NAME_NEARBY -> "a similar name nearby";
            };
        }
    }

    /** What became of a decision. */
    public enum Outcome {
        DONE,
        NOT_FOUND,
        ALREADY_DECIDED,
        NAME_TAKEN
    }

    /** A decision made, for the message to the person who asked. */
    public record Decided(Outcome outcome, long userId, String email, String organisation, Decision decision) {}

    private final DSLContext dsl;
    private final Clock clock;

    public OrganisationJoinRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Records the request; it reaches approvers once the person has followed their emailed link. */
    public long request(ExistingEmployer existing, long userId, long offerId, OfferSubmission offer) {
        return dsl.insertInto(ORGANISATION_JOIN)
                .set(ORGANISATION_JOIN.EMPLOYER_ID, existing.employerId())
                .set(ORGANISATION_JOIN.USER_ID, userId)
                .set(ORGANISATION_JOIN.OFFER_ID, offerId)
                .set(ORGANISATION_JOIN.ORGANISATION_NAME, offer.organisation().strip())
                .set(ORGANISATION_JOIN.POSTCODE, offer.postcode())
                .set(ORGANISATION_JOIN.SIZE_BAND, offer.sizeBand())
                .set(ORGANISATION_JOIN.SECTOR, offer.sector())
                .set(ORGANISATION_JOIN.CONTACT_NAME, offer.contactName().strip())
                .set(ORGANISATION_JOIN.SAFEGUARDING_CHECKED_UNTIL, offer.safeguardingCheckedUntil())
                .set(ORGANISATION_JOIN.MATCHED_BY, existing.reason().name().toLowerCase(java.util.Locale.ROOT))
                .set(ORGANISATION_JOIN.REQUESTED_AT, now())
                .returning(ORGANISATION_JOIN.ID)
                .fetchOne(ORGANISATION_JOIN.ID);
    }

    /** The undecided request made with this offer, if it was one. */
    public Optional<Long> undecidedForOffer(long offerId) {
        return dsl.select(ORGANISATION_JOIN.ID)
                .from(ORGANISATION_JOIN)
                .where(ORGANISATION_JOIN.OFFER_ID.eq(offerId))
                .and(ORGANISATION_JOIN.DECISION.isNull())
                .fetchOptional(ORGANISATION_JOIN.ID);
    }

    /** The person proved they read the mailbox: approvers may now see the request. */
    public void emailConfirmed(long joinId) {
        dsl.update(ORGANISATION_JOIN)
                .set(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT, now())
                .where(ORGANISATION_JOIN.ID.eq(joinId))
                .and(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT.isNull())
                .execute();
    }

    /** Requests to join this organisation waiting for a decision, oldest first. */
    public List<PendingJoin> pendingFor(long employerId) {
        return pending(ORGANISATION_JOIN.EMPLOYER_ID.eq(employerId));
    }

    /** Requests to join any organisation of the hub, for its coordinator. */
    public List<PendingJoin> pendingInHub(long hubId) {
        return pending(byCoordinatorOf(hubId));
    }

    /** How many requests the hub's coordinator has to decide: a count, not the rows. */
    public int countPendingInHub(long hubId) {
        return dsl.fetchCount(
                ORGANISATION_JOIN,
                byCoordinatorOf(hubId)
                        .and(ORGANISATION_JOIN.DECISION.isNull())
                        .and(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT.isNotNull()));
    }

    /** What the person asked, while it waits: their own offer and what they typed, nothing of the organisation's. */
    public List<String> waitingOffersOf(long userId) {
        return dsl.select(OFFER.TITLE, ORGANISATION_JOIN.ORGANISATION_NAME)
                .from(ORGANISATION_JOIN)
                .join(OFFER)
                .on(OFFER.ID.eq(ORGANISATION_JOIN.OFFER_ID))
                .where(ORGANISATION_JOIN.USER_ID.eq(userId))
                .and(ORGANISATION_JOIN.DECISION.isNull())
                .and(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT.isNotNull())
                .orderBy(ORGANISATION_JOIN.ID)
                .fetch(Records.mapping((title, organisation) -> "\u201c" + title + "\u201d for " + organisation));
    }

    /**
     * Decides a request, if {@code approverMayDecide} ({@link #byContactOf} the organisation, or
     * {@link #byCoordinatorOf} its hub) holds for it, and the person has confirmed their email. In
     * the caller's transaction.
     */
    public Decided decide(long joinId, Condition approverMayDecide, Decision decision, long actorId, String ip) {
        var join = dsl.select(ORGANISATION_JOIN.asterisk(), OFFER.HUB_ID, EMPLOYER.NAME, APP_USER.EMAIL)
                .from(ORGANISATION_JOIN)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(ORGANISATION_JOIN.EMPLOYER_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(ORGANISATION_JOIN.OFFER_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(ORGANISATION_JOIN.USER_ID))
                .where(ORGANISATION_JOIN.ID.eq(joinId))
                .and(approverMayDecide)
                .and(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT.isNotNull())
                .forUpdate()
                .of(ORGANISATION_JOIN)
                .fetchOptional();
        if (join.isEmpty()) {
            return new Decided(Outcome.NOT_FOUND, 0, null, null, decision);
        }
        var j = join.get();
        long userId = j.get(ORGANISATION_JOIN.USER_ID);
        String email = j.get(APP_USER.EMAIL);
        if (j.get(ORGANISATION_JOIN.DECISION) != null) {
            return new Decided(Outcome.ALREADY_DECIDED, userId, email, null, decision);
        }
        long offerId = j.get(ORGANISATION_JOIN.OFFER_ID);
        OfferRepository offers = new OfferRepository(dsl);
        Long separateId = null;
        String organisation = j.get(EMPLOYER.NAME);
        switch (decision) {
            case APPROVED -> welcome(j.get(ORGANISATION_JOIN.EMPLOYER_ID), userId, email, offerId, j);
            case SEPARATE -> {
                try {
                    // a savepoint, so a name already taken leaves the caller's transaction usable
                    separateId = dsl.transactionResult(c -> new EmployerRepository(c.dsl())
                            .create(
                                    j.get(OFFER.HUB_ID),
                                    j.get(ORGANISATION_JOIN.ORGANISATION_NAME),
                                    email,
                                    j.get(ORGANISATION_JOIN.POSTCODE),
                                    j.get(ORGANISATION_JOIN.SIZE_BAND),
                                    j.get(ORGANISATION_JOIN.SECTOR),
                                    false,
                                    1));
                } catch (IntegrityConstraintViolationException e) {
                    return new Decided(Outcome.NAME_TAKEN, userId, email, null, decision);
                }
                dsl.update(OFFER)
                        .set(OFFER.EMPLOYER_ID, separateId)
                        .where(OFFER.ID.eq(offerId))
                        .execute();
                organisation = j.get(ORGANISATION_JOIN.ORGANISATION_NAME);
                welcome(separateId, userId, email, offerId, j);
            }
            case REFUSED -> offers.changeStatus(offerId, OfferStatus.WITHDRAWN);
        }
        dsl.update(ORGANISATION_JOIN)
                .set(ORGANISATION_JOIN.DECISION, decision.code())
                .set(ORGANISATION_JOIN.DECIDED_AT, now())
                .set(ORGANISATION_JOIN.DECIDED_BY, actorId)
                .set(ORGANISATION_JOIN.SEPARATE_EMPLOYER_ID, separateId)
                .where(ORGANISATION_JOIN.ID.eq(joinId))
                .execute();
        new AuditLog(dsl)
                .record(
                        actorId,
                        "organisation_join_" + decision.code(),
                        "employer",
                        j.get(ORGANISATION_JOIN.EMPLOYER_ID),
                        separateId == null
                                ? Map.of("person", userId, "join", joinId)
                                : Map.of("person", userId, "join", joinId, "new_employer", separateId),
                        ip);
        return new Decided(Outcome.DONE, userId, email, organisation, decision);
    }

    /** Who may decide: a contact of the organisation itself. */
    public static Condition byContactOf(long employerId) {
        return ORGANISATION_JOIN.EMPLOYER_ID.eq(employerId);
    }

    /**
     * Who may decide: the coordinator of the hub the offer was made to. An organisation working with
     * several hubs is not every one of their coordinators' to grow.
     */
    public static Condition byCoordinatorOf(long hubId) {
        return ORGANISATION_JOIN.OFFER_ID.in(select(OFFER.ID).from(OFFER).where(OFFER.HUB_ID.eq(hubId)));
    }

    /** Makes them a contact and volunteer of the organisation, and puts their offer live. */
    private void welcome(long employerId, long userId, String email, long offerId, org.jooq.Record join) {
        new AccountRepository(dsl).addScope(userId, Scope.employer(employerId));
        long volunteerId = new VolunteerRepository(dsl)
                .findOrCreate(
                        employerId,
                        join.get(ORGANISATION_JOIN.CONTACT_NAME),
                        email,
                        join.get(ORGANISATION_JOIN.SAFEGUARDING_CHECKED_UNTIL));
        dsl.update(OFFER)
                .set(OFFER.VOLUNTEER_ID, volunteerId)
                .where(OFFER.ID.eq(offerId))
                .execute();
        new OfferRepository(dsl).activate(offerId);
    }

    private List<PendingJoin> pending(Condition where) {
        return dsl.select(
                        ORGANISATION_JOIN.ID,
                        ORGANISATION_JOIN.EMPLOYER_ID,
                        EMPLOYER.NAME,
                        ORGANISATION_JOIN.CONTACT_NAME,
                        APP_USER.EMAIL,
                        ORGANISATION_JOIN.ORGANISATION_NAME,
                        ORGANISATION_JOIN.POSTCODE,
                        ORGANISATION_JOIN.MATCHED_BY,
                        ORGANISATION_JOIN.REQUESTED_AT,
                        OFFER.TITLE)
                .from(ORGANISATION_JOIN)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(ORGANISATION_JOIN.EMPLOYER_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(ORGANISATION_JOIN.USER_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(ORGANISATION_JOIN.OFFER_ID))
                .where(where)
                .and(ORGANISATION_JOIN.DECISION.isNull())
                .and(ORGANISATION_JOIN.EMAIL_CONFIRMED_AT.isNotNull())
                .orderBy(ORGANISATION_JOIN.REQUESTED_AT, ORGANISATION_JOIN.ID)
                .fetch(Records.mapping(PendingJoin::new));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
