package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_AGREEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_INDUCTION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_REFLECTION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_SIGN_OFF;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.booking.BookingStatus;

/**
 * Placements, one per pupil placed, with where each stands. A placement is going ahead while the
 * school has not chosen someone else for it and its booking (if it came from one) is still on;
 * the others are kept with what was done for them, and drop off these lists.
 */
public final class PlacementRepository {

    /** A placement with where it stands, as every list and page shows it. */
    public record PlacementLine(Placement placement, PlacementReadiness readiness) {}

    private final DSLContext dsl;
    private final Clock clock;

    public PlacementRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Keeps a work-experience booking's placements in step with the pupils chosen for it: one for
     * each pupil chosen, from the booking's dates and host; a pupil no longer chosen has theirs
     * withdrawn (kept, with any check made for it), and a pupil chosen again has it back.
     */
    public void placeBooked(long bookingId, Set<Long> pupilIds) {
        dsl.update(PLACEMENT)
                .set(PLACEMENT.WITHDRAWN_AT, DSL.currentOffsetDateTime())
                .where(PLACEMENT.BOOKING_ID.eq(bookingId))
                .and(PLACEMENT.WITHDRAWN_AT.isNull())
                .and(pupilIds.isEmpty() ? DSL.trueCondition() : PLACEMENT.PUPIL_ID.notIn(pupilIds))
                .execute();
        for (long pupilId : pupilIds) {
            dsl.insertInto(
                            PLACEMENT,
                            PLACEMENT.BOOKING_ID,
                            PLACEMENT.PUPIL_ID,
                            PLACEMENT.EMPLOYER_ID,
                            PLACEMENT.STARTS_ON,
                            PLACEMENT.ENDS_ON,
                            PLACEMENT.SOURCE)
                    .select(DSL.select(
                                    BOOKING.ID,
                                    DSL.val(pupilId),
                                    OFFER.EMPLOYER_ID,
                                    BOOKING.STARTS_ON,
                                    BOOKING.ENDS_ON,
                                    DSL.val(PlacementSource.BOOKED))
                            .from(BOOKING)
                            .join(OFFER)
                            .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                            .where(BOOKING.ID.eq(bookingId)))
                    .onConflict(PLACEMENT.BOOKING_ID, PLACEMENT.PUPIL_ID)
                    .doUpdate()
                    .setNull(PLACEMENT.WITHDRAWN_AT)
                    .execute();
        }
    }

    /** The school's placements going ahead, soonest first. */
    public List<PlacementLine> forSchool(long schoolId) {
        return lines(goingAhead(PUPIL.SCHOOL_ID.eq(schoolId)));
    }

    /** The placements an organisation hosts, going ahead, soonest first. */
    public List<PlacementLine> forEmployer(long employerId) {
        return lines(goingAhead(PLACEMENT.EMPLOYER_ID.eq(employerId)));
    }

    /** The placements of every school in the hub, going ahead, soonest first. */
    public List<PlacementLine> forHub(long hubId) {
        return lines(goingAhead(SCHOOL.HUB_ID.eq(hubId)));
    }

    /** Every placement going ahead that starts between the two days (both included), soonest first. */
    public List<PlacementLine> startingBetween(LocalDate from, LocalDate to) {
        return lines(goingAhead(PLACEMENT.STARTS_ON.between(from, to)));
    }

    /** One of the school's placements, going ahead; empty for another school's id. */
    public Optional<Placement> find(long schoolId, long placementId) {
        return goingAhead(PUPIL.SCHOOL_ID.eq(schoolId).and(PLACEMENT.ID.eq(placementId)))
                .fetchOptional(PlacementRepository::placement);
    }

    /** A placement going ahead, whoever's it is: for its parent's and pupil's links, which name it. */
    public Optional<Placement> findGoingAhead(long placementId) {
        return goingAhead(PLACEMENT.ID.eq(placementId)).fetchOptional(PlacementRepository::placement);
    }

    /** The placements of one booking, going ahead, by the school's reference. */
    public List<PlacementLine> forBooking(long schoolId, long bookingId) {
        return lines(goingAhead(PUPIL.SCHOOL_ID.eq(schoolId).and(PLACEMENT.BOOKING_ID.eq(bookingId))));
    }

    /** What has been done for one placement. */
    public PlacementProgress progress(long placementId) {
        return progress(List.of(placementId)).getOrDefault(placementId, PlacementProgress.NONE);
    }

    /** Where one placement stands, today. */
    public PlacementReadiness readiness(Placement placement) {
        return lines(List.of(placement)).getFirst().readiness();
    }

    private Map<Long, PlacementProgress> progress(Collection<Long> placementIds) {
        Map<Long, List<SignOff>> signOffs = signOffs(placementIds);
        Map<Long, ParentAgreement> agreements = agreements(placementIds);
        Map<Long, Map<String, Instant>> links = linksMade(placementIds);
        Map<Long, Instant> inducted = dsl.select(PLACEMENT_INDUCTION.PLACEMENT_ID, PLACEMENT_INDUCTION.COMPLETED_AT)
                .from(PLACEMENT_INDUCTION)
                .where(PLACEMENT_INDUCTION.PLACEMENT_ID.in(placementIds))
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
        var r = PLACEMENT_REFLECTION;
        Map<Long, PupilReflection> reflections = dsl.select(
                        r.PLACEMENT_ID, r.WHAT_THEY_DID, r.WHAT_THEY_LEARNT, r.WOULD_CONSIDER, r.SUBMITTED_AT)
                .from(r)
                .where(r.PLACEMENT_ID.in(placementIds))
                .fetchMap(
                        x -> x.value1(),
                        x -> new PupilReflection(
                                x.value2(), x.value3(), x.value4(), x.value5().toInstant()));
        Map<Long, PlacementProgress> progress = new HashMap<>();
        for (long id : placementIds) {
            Map<String, Instant> made = links.getOrDefault(id, Map.of());
            progress.put(
                    id,
                    new PlacementProgress(
                            signOffs.getOrDefault(id, List.of()),
                            agreements.get(id),
                            made.get(Purpose.PLACEMENT_AGREEMENT.code()),
                            made.get(Purpose.PLACEMENT_PUPIL.code()),
                            inducted.get(id),
                            reflections.get(id)));
        }
        return progress;
    }

    /** The newest answer of each placement's parent or carer. */
    private Map<Long, ParentAgreement> agreements(Collection<Long> placementIds) {
        var a = PLACEMENT_AGREEMENT;
        Map<Long, ParentAgreement> newest = new HashMap<>();
        dsl.select(a.PLACEMENT_ID, a.ID, a.DECISION, a.GIVEN_BY, a.RELATIONSHIP, APP_USER.DISPLAY_NAME, a.DECIDED_AT)
                .from(a)
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(a.RECORDED_BY))
                .where(a.PLACEMENT_ID.in(placementIds))
                .orderBy(a.ID)
                .forEach(x -> newest.put(
                        x.value1(),
                        new ParentAgreement(
                                x.value2(),
                                x.value3(),
                                x.value4(),
                                x.value5(),
                                x.value6(),
                                x.value7().toInstant())));
        return newest;
    }

    /** When each placement's parent's and pupil's links were last made, by purpose code. */
    private Map<Long, Map<String, Instant>> linksMade(Collection<Long> placementIds) {
        Map<Long, Map<String, Instant>> made = new HashMap<>();
        dsl.select(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.PURPOSE, DSL.max(LOGIN_TOKEN.CREATED_AT))
                .from(LOGIN_TOKEN)
                .where(LOGIN_TOKEN.PURPOSE.in(Purpose.PLACEMENT_AGREEMENT.code(), Purpose.PLACEMENT_PUPIL.code()))
                .and(LOGIN_TOKEN.SUBJECT_ID.in(placementIds))
                .groupBy(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.PURPOSE)
                .forEach(x -> made.computeIfAbsent(x.value1(), k -> new HashMap<>())
                        .put(x.value2(), x.value3().toInstant()));
        return made;
    }

    /** The school's checks of each placement, newest first. */
    private Map<Long, List<SignOff>> signOffs(Collection<Long> placementIds) {
        var s = PLACEMENT_SIGN_OFF;
        Map<Long, List<SignOff>> byPlacement = new HashMap<>();
        dsl.select(s.PLACEMENT_ID, s.ID, s.DECLARATION_ID, s.DECISION, s.REASON, APP_USER.DISPLAY_NAME, s.DECIDED_AT)
                .from(s)
                .join(APP_USER)
                .on(APP_USER.ID.eq(s.DECIDED_BY))
                .where(s.PLACEMENT_ID.in(placementIds))
                .orderBy(s.ID.desc())
                .forEach(r -> byPlacement
                        .computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new SignOff(
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                r.value5(),
                                r.value6(),
                                r.value7().toInstant())));
        return byPlacement;
    }

    private List<PlacementLine> lines(SelectConditionStep<? extends Record> query) {
        return lines(query.orderBy(PLACEMENT.STARTS_ON, SCHOOL.NAME, PUPIL.REFERENCE, PLACEMENT.ID)
                .fetch(PlacementRepository::placement));
    }

    private List<PlacementLine> lines(List<Placement> placements) {
        if (placements.isEmpty()) {
            return List.of();
        }
        Map<Long, Declaration> declarations = PlacementPaperwork.inForce(
                dsl, placements.stream().map(Placement::employerId).collect(Collectors.toSet()));
        Map<Long, PlacementProgress> progress =
                progress(placements.stream().map(Placement::id).toList());
        LocalDate today = LocalDate.now(clock);
        return placements.stream()
                .map(p -> new PlacementLine(
                        p,
                        PlacementReadiness.of(
                                p, Optional.ofNullable(declarations.get(p.employerId())), progress.get(p.id()), today)))
                .toList();
    }

    private SelectConditionStep<? extends Record> goingAhead(Condition condition) {
        return dsl.select(
                        PLACEMENT.ID,
                        PLACEMENT.SOURCE,
                        PLACEMENT.BOOKING_ID,
                        PLACEMENT.PUPIL_ID,
                        PUPIL.REFERENCE,
                        PUPIL.YEAR_GROUP,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        SCHOOL.HUB_ID,
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        PLACEMENT.STARTS_ON,
                        PLACEMENT.ENDS_ON,
                        PLACEMENT.HOST_CONTACT_NAME,
                        PLACEMENT.HOST_CONTACT_EMAIL,
                        PLACEMENT.HOST_CONTACT_PHONE)
                .from(PLACEMENT)
                .join(PUPIL)
                .on(PUPIL.ID.eq(PLACEMENT.PUPIL_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(PUPIL.SCHOOL_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(PLACEMENT.EMPLOYER_ID))
                .leftJoin(BOOKING)
                .on(BOOKING.ID.eq(PLACEMENT.BOOKING_ID))
                .where(PLACEMENT.WITHDRAWN_AT.isNull())
                .and(PLACEMENT.BOOKING_ID.isNull().or(BOOKING.STATUS.in(BookingStatus.HELD)))
                .and(condition);
    }

    private static Placement placement(Record r) {
        return new Placement(
                r.get(PLACEMENT.ID),
                r.get(PLACEMENT.SOURCE),
                r.get(PLACEMENT.BOOKING_ID),
                r.get(PLACEMENT.PUPIL_ID),
                r.get(PUPIL.REFERENCE),
                r.get(PUPIL.YEAR_GROUP).intValue(),
                r.get(SCHOOL.ID),
                r.get(SCHOOL.NAME),
                r.get(SCHOOL.HUB_ID),
                r.get(EMPLOYER.ID),
                r.get(EMPLOYER.NAME),
                r.get(PLACEMENT.STARTS_ON),
                r.get(PLACEMENT.ENDS_ON),
                r.get(PLACEMENT.HOST_CONTACT_NAME) == null
                        ? null
                        : new Placement.HostContact(
                                r.get(PLACEMENT.HOST_CONTACT_NAME),
                                r.get(PLACEMENT.HOST_CONTACT_EMAIL),
                                r.get(PLACEMENT.HOST_CONTACT_PHONE)));
    }
}
