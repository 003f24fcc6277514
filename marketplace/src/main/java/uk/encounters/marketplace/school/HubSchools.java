package uk.encounters.marketplace.school;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.selectCount;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.jooq.tables.records.EstablishmentRecord;
import uk.encounters.marketplace.register.Eligibility;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;

/**
 * The schools and colleges of a hub: adding one from the national register, and removing one that
 * left. A school that leaves keeps its pupils, requests and bookings; it is in no hub, so no round
 * matches it and no coordinator sees it, until a hub adds it again.
 */
public final class HubSchools {

    /** A school of the hub, as its list shows it. */
    public record Member(
            long id, int urn, String name, SchoolPhase phase, String postcode, int pupils, int careersLeaders) {}

    /** What adding an establishment came to. */
    public sealed interface Added {
        record Done(long schoolId, String name) implements Added {}

        record AlreadyHere(String name) implements Added {}

        record InAnotherHub(String name, String hubName) implements Added {}

        record Refused(String name, String reason) implements Added {}

        record NotInRegister() implements Added {}
    }

    /** A school that left the hub, and when. */
    public record Leaver(long id, int urn, String name, LocalDate leftOn) {}

    /** What removing a school would do, for the confirmation page. */
    public record Leaving(long schoolId, String name, int openRequests, int comingBookings) {}

    /** Why a school cannot be removed now. */
    public enum Blocked {
        NOT_IN_HUB,
        ROUND_OPEN
    }

    private final DSLContext dsl;

    public HubSchools(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Member> members(long hubId) {
        var pupils = PUPIL.SCHOOL_ID.eq(SCHOOL.ID).and(PUPIL.ARCHIVED_ON.isNull());
        var leaders = USER_SCOPE.SCHOOL_ID.eq(SCHOOL.ID).and(USER_SCOPE.ROLE.eq(Role.CAREERS_LEADER.code()));
        return dsl.select(
                        SCHOOL.ID,
                        SCHOOL.URN,
                        SCHOOL.NAME,
                        SCHOOL.PHASE,
                        SCHOOL.POSTCODE,
                        selectCount().from(PUPIL).where(pupils).<Integer>asField(),
                        selectCount().from(USER_SCOPE).where(leaders).<Integer>asField())
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .orderBy(SCHOOL.NAME)
                .fetch(mapping(Member::new));
    }

    /** Adds the establishment with this URN to the hub, in one transaction with its audit entry. */
    public Added add(Actor actor, long hubId, int urn) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<EstablishmentRecord> found = new EstablishmentRegister(tx).find(urn);
            if (found.isEmpty()) {
                return new Added.NotInRegister();
            }
            EstablishmentRecord establishment = found.get();
            var existing = tx.select(SCHOOL.ID, SCHOOL.HUB_ID, HUB.NAME)
                    .from(SCHOOL)
                    .leftJoin(HUB)
                    .on(HUB.ID.eq(SCHOOL.HUB_ID))
                    .where(SCHOOL.URN.eq(urn))
                    .forUpdate()
                    .of(SCHOOL)
                    .fetchOptional();
            if (existing.isPresent() && existing.get().get(SCHOOL.HUB_ID) != null) {
                long inHub = existing.get().get(SCHOOL.HUB_ID);
                return inHub == hubId
                        ? new Added.AlreadyHere(establishment.getName())
                        : new Added.InAnotherHub(
                                establishment.getName(), existing.get().get(HUB.NAME));
            }
            Eligibility eligibility = EstablishmentRegister.eligibility(establishment);
            if (eligibility instanceof Eligibility.Refused refused) {
                return new Added.Refused(establishment.getName(), refused.reason());
            }
            SchoolPhase phase = ((Eligibility.Addable) eligibility).phase();
            long schoolId;
            if (existing.isPresent()) {
                schoolId = existing.get().get(SCHOOL.ID);
                tx.update(SCHOOL)
                        .set(SCHOOL.HUB_ID, hubId)
                        .setNull(SCHOOL.LEFT_HUB_ID)
                        .setNull(SCHOOL.LEFT_HUB_ON)
                        .set(registerFields(establishment, phase))
                        .where(SCHOOL.ID.eq(schoolId))
                        .execute();
            } else {
                schoolId = tx.insertInto(SCHOOL)
                        .set(SCHOOL.HUB_ID, hubId)
                        .set(SCHOOL.URN, urn)
                        .set(registerFields(establishment, phase))
                        .returning(SCHOOL.ID)
                        .fetchSingle(SCHOOL.ID);
            }
            new AuditLog(tx)
                    .record(
                            actor,
                            "school_added",
                            "school",
                            schoolId,
                            Map.of("hub", hubId, "urn", urn, "rejoined", existing.isPresent()));
            return new Added.Done(schoolId, establishment.getName());
        });
    }

    /** What the register says of a school: its name, kind, place, free school meals share and deprivation. */
    private static Map<Field<?>, Object> registerFields(EstablishmentRecord establishment, SchoolPhase phase) {
        Map<Field<?>, Object> fields = new HashMap<>();
        fields.put(SCHOOL.NAME, establishment.getName());
        fields.put(SCHOOL.PHASE, phase);
        fields.put(SCHOOL.POSTCODE, establishment.getPostcode());
        fields.put(SCHOOL.LATITUDE, establishment.getLatitude());
        fields.put(SCHOOL.LONGITUDE, establishment.getLongitude());
        fields.put(SCHOOL.FREE_SCHOOL_MEALS_PERCENT, establishment.getFreeSchoolMealsPercent());
        // a cold spot or not, by the neighbourhood's decile when the indices of deprivation are loaded
        fields.put(
                SCHOOL.DEPRIVATION_DECILE, EstablishmentRegister.deprivationDecile(DSL.inline(establishment.getUrn())));
        return fields;
    }

    /** What removing the school would do, or empty when it is not one of the hub's. */
    public Optional<Leaving> leaving(long hubId, long schoolId, LocalDate today) {
        return dsl.select(
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        selectCount()
                                .from(REQUEST)
                                .where(REQUEST.SCHOOL_ID.eq(SCHOOL.ID).and(REQUEST.STATUS.eq(RequestStatus.OPEN)))
                                .<Integer>asField(),
                        selectCount()
                                .from(BOOKING)
                                .join(REQUEST)
                                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                                .where(REQUEST.SCHOOL_ID
                                        .eq(SCHOOL.ID)
                                        .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                                        .and(BOOKING.STARTS_ON.ge(today)))
                                .<Integer>asField())
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId).and(SCHOOL.HUB_ID.eq(hubId)))
                .fetchOptional(mapping(Leaving::new));
    }

    /**
     * Takes the school out of the hub: its open requests are cancelled (no round will match them
     * now) and its bookings already agreed stand. Refused while the hub's round is open, since
     * its plan may hold the school's requests.
     */
    public Optional<Blocked> remove(Actor actor, long hubId, long schoolId, LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Long school = tx.select(SCHOOL.ID)
                    .from(SCHOOL)
                    .where(SCHOOL.ID.eq(schoolId).and(SCHOOL.HUB_ID.eq(hubId)))
                    .forUpdate()
                    .fetchOptional(SCHOOL.ID)
                    .orElse(null);
            if (school == null) {
                return Optional.of(Blocked.NOT_IN_HUB);
            }
            boolean roundOpen = tx.fetchExists(
                    MATCHING_ROUND, MATCHING_ROUND.HUB_ID.eq(hubId).and(MATCHING_ROUND.STATUS.in(RoundStatus.OPEN)));
            if (roundOpen) {
                return Optional.of(Blocked.ROUND_OPEN);
            }
            int cancelled = tx.update(REQUEST)
                    .set(REQUEST.STATUS, RequestStatus.CANCELLED)
                    .where(REQUEST.SCHOOL_ID.eq(schoolId).and(REQUEST.STATUS.eq(RequestStatus.OPEN)))
                    .execute();
            tx.update(SCHOOL)
                    .setNull(SCHOOL.HUB_ID)
                    .set(SCHOOL.LEFT_HUB_ID, hubId)
                    .set(SCHOOL.LEFT_HUB_ON, today)
                    .where(SCHOOL.ID.eq(schoolId))
                    .execute();
            new AuditLog(tx)
                    .record(
                            actor,
                            "school_removed",
                            "school",
                            schoolId,
                            Map.of("hub", hubId, "requests_cancelled", cancelled));
            return Optional.empty();
        });
    }

    /** Schools that left this hub and are in no other, most recent first: their history is still here. */
    public List<Leaver> leavers(long hubId) {
        return dsl.select(SCHOOL.ID, SCHOOL.URN, SCHOOL.NAME, SCHOOL.LEFT_HUB_ON)
                .from(SCHOOL)
                .where(SCHOOL.LEFT_HUB_ID.eq(hubId))
                .orderBy(SCHOOL.LEFT_HUB_ON.desc(), SCHOOL.NAME)
                .fetch(mapping(Leaver::new));
    }
}
