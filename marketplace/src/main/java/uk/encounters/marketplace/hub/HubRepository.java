package uk.encounters.marketplace.hub;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_PROGRESS_SUMMARY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;

public final class HubRepository {

    private final DSLContext dsl;

    public HubRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every hub with its headline numbers on {@code today}, by name. Pupils and those on track come
     * from the schools' progress summaries as the background pass last made them
     * ({@link uk.encounters.marketplace.pupil.ProgressSummaries}): judging every pupil in England at each view would take seconds,
     * and a view that made summaries itself would be slow whenever many are due, as after midnight.
     */
    public List<HubSummary> findSummaries(LocalDate today) {
        // Each count made once for every hub and joined, not once per hub: a count per hub walked every
        // hub's employers and their offers one by one (2.6 s for England against 4 ms this way).
        var schools = dsl.select(
                        SCHOOL.HUB_ID,
                        count().as("schools"),
                        sum(SCHOOL_PROGRESS_SUMMARY.PUPILS).as("pupils"),
                        sum(SCHOOL_PROGRESS_SUMMARY.ON_TRACK).as("on_track"))
                .from(SCHOOL)
                .leftJoin(SCHOOL_PROGRESS_SUMMARY)
                .on(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID.eq(SCHOOL.ID))
                .groupBy(SCHOOL.HUB_ID)
                .asTable("schools");
        var requests = dsl.select(SCHOOL.HUB_ID, count().as("requests"))
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(REQUEST.STATUS.eq(RequestStatus.OPEN))
                .groupBy(SCHOOL.HUB_ID)
                .asTable("requests");
        var offers = dsl.select(OFFER.HUB_ID, count().as("offers"))
                .from(OFFER)
                .where(OFFER.STATUS.eq(OfferStatus.ACTIVE))
                .and(OFFER.AVAILABLE_UNTIL.ge(today))
                .groupBy(OFFER.HUB_ID)
                .asTable("offers");
        return dsl.select(
                        HUB.ID,
                        HUB.NAME,
                        orZero(schools.field("schools", Integer.class)),
                        orZero(schools.field("pupils", Integer.class)),
                        orZero(schools.field("on_track", Integer.class)),
                        orZero(requests.field("requests", Integer.class)),
                        orZero(offers.field("offers", Integer.class)))
                .from(HUB)
                .leftJoin(schools)
                .on(schools.field(SCHOOL.HUB_ID).eq(HUB.ID))
                .leftJoin(requests)
                .on(requests.field(SCHOOL.HUB_ID).eq(HUB.ID))
                .leftJoin(offers)
                .on(offers.field(OFFER.HUB_ID).eq(HUB.ID))
                .orderBy(HUB.NAME)
                .fetch(mapping(HubSummary::new));
    }

    /** A hub as the admin pages list it. */
    public record Hub(long id, String name, String area) {}

    /** A school of a hub, for choosing one in a form. */
    public record SchoolName(long id, String name) {}

    public List<Hub> findAll() {
        return dsl.select(HUB.ID, HUB.NAME, HUB.AREA)
                .from(HUB)
                .orderBy(HUB.NAME)
                .fetch(mapping(Hub::new));
    }

    public Optional<Hub> findById(long hubId) {
        return dsl.select(HUB.ID, HUB.NAME, HUB.AREA)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchOptional(mapping(Hub::new));
    }

    public boolean nameTaken(String name) {
        return dsl.fetchExists(HUB, lower(HUB.NAME).eq(lower(inline(name))));
    }

    public long create(String name, String area) {
        return dsl.insertInto(HUB, HUB.NAME, HUB.AREA)
                .values(name, area)
                .returning(HUB.ID)
                .fetchOne(HUB.ID);
    }

    /** The address the hub's messages ask replies to go to, when it gave one (else they go to its coordinators). */
    public Optional<String> findReplyTo(long hubId) {
        return Optional.ofNullable(dsl.fetchValue(HUB.REPLY_TO_EMAIL, HUB.ID.eq(hubId)));
    }

    /** Where replies to the hub's messages go ({@code email} null: to its coordinators), with its audit entry. */
    public void changeReplyTo(Actor actor, long hubId, String email) {
        dsl.transaction(c -> {
            c.dsl()
                    .update(HUB)
                    .set(HUB.REPLY_TO_EMAIL, email)
                    .where(HUB.ID.eq(hubId))
                    .execute();
            new AuditLog(c.dsl())
                    .record(actor, "hub_reply_to_changed", "hub", hubId, Map.of("email", email == null ? "" : email));
        });
    }

    public List<SchoolName> findSchools(long hubId) {
        return dsl.select(SCHOOL.ID, SCHOOL.NAME)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .orderBy(SCHOOL.NAME)
                .fetch(mapping(SchoolName::new));
    }

    public Optional<Long> findHubOfSchool(long schoolId) {
        return dsl.select(SCHOOL.HUB_ID)
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId))
                .fetchOptional(SCHOOL.HUB_ID);
    }

    /** The hubs an organisation works with: each one's coordinator looks after it. */
    public Set<Long> findHubsOfEmployer(long employerId) {
        return Set.copyOf(dsl.select(EMPLOYER_HUB_PRESENCE.HUB_ID)
                .from(EMPLOYER_HUB_PRESENCE)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(employerId))
                .fetch(EMPLOYER_HUB_PRESENCE.HUB_ID));
    }

    /** Names of hubs, schools and employers by id, for saying what a person's scopes are. */
    public Map<Long, String> hubNames(Collection<Long> ids) {
        return dsl.select(HUB.ID, HUB.NAME).from(HUB).where(HUB.ID.in(ids)).fetchMap(HUB.ID, HUB.NAME);
    }

    public Map<Long, String> schoolNames(Collection<Long> ids) {
        return dsl.select(SCHOOL.ID, SCHOOL.NAME)
                .from(SCHOOL)
                .where(SCHOOL.ID.in(ids))
                .fetchMap(SCHOOL.ID, SCHOOL.NAME);
    }

    public Map<Long, String> employerNames(Collection<Long> ids) {
        return dsl.select(EMPLOYER.ID, EMPLOYER.NAME)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.in(ids))
                .fetchMap(EMPLOYER.ID, EMPLOYER.NAME);
    }

    private static Field<Integer> orZero(Field<Integer> count) {
        return coalesce(count, inline(0));
    }
}
