package uk.encounters.marketplace.statement;

import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER_OF_THE_YEAR;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * A hub's volunteers of the year: the volunteers who gave its schools sessions in an academic year, and those the
 * coordinator names, each with a short citation their employer's statement quotes. Naming and removing are audited.
 */
public final class VolunteersOfTheYear {

    public static final int CITATION_LENGTH = 300;

    /**
     * A volunteer who gave the hub's schools (or its events) a session in the year.
     *
     * @param name       "a volunteer" once erased
     * @param namedId    the naming, when the hub has named them; null otherwise
     * @param citation   the citation, when named
     */
    public record YearVolunteer(
            long volunteerId,
            String name,
            String employerName,
            int sessions,
            int pupilsReached,
            Long namedId,
            String citation) {}

    /** A naming, for the confirmation before it is removed. */
    public record Named(
            long id, long volunteerId, String name, String employerName, AcademicYear year, String citation) {}

    public enum Outcome {
        NAMED,
        /** The volunteer gave the hub no session that year (or is not one). */
        NOT_THE_HUBS
    }

    // Sessions given (delivered, or confirmed and past) to the hub's schools or at its events; pupils reached as on
    // the employer's statement: attended encounters, and the tallies of pupils since deleted.
    private static final String VOLUNTEERS = """
            with given as (
                select b.id, b.volunteer_id, b.event_id
                from booking b
                left join request r on r.id = b.request_id
                left join school s on s.id = r.school_id
                left join event ev on ev.id = b.event_id
                where b.volunteer_id is not null
                  and coalesce(s.hub_id, ev.hub_id) = ?
                  and b.starts_on between ?::date and ?::date
                  and %s
            ),
            per_volunteer as (
                select g.volunteer_id, count(*) as sessions,
                       (select count(distinct e.pupil_id) from encounter e
                        where e.attended and (e.booking_id in (select id from given g2 where g2.volunteer_id = g.volunteer_id)
                              or e.event_id in (select event_id from given g3 where g3.volunteer_id = g.volunteer_id)))
                       + coalesce(sum(t.attended), 0) as pupils
                from given g
                left join booking_attendance_tally t on t.booking_id = g.id
                group by g.volunteer_id
            )
            select v.id, case when v.erased_at is null then v.name end as name, em.name as employer_name,
                   p.sessions, p.pupils, y.id as named_id, y.citation
            from per_volunteer p
            join volunteer v on v.id = p.volunteer_id
            join employer em on em.id = v.employer_id
            left join volunteer_of_the_year y on y.volunteer_id = v.id and y.hub_id = ? and y.academic_year = ?
            order by em.name, v.name, v.id
            """.formatted(EmployerYearRepository.given("?::date"));

    private final DSLContext dsl;

    public VolunteersOfTheYear(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The volunteers who gave the hub's schools a session in the year, with their naming if any. */
    public List<YearVolunteer> forHub(long hubId, AcademicYear year, LocalDate today) {
        return dsl.resultQuery(
                        VOLUNTEERS, hubId, year.firstDay(), year.lastDay(), today, hubId, (short) year.startYear())
                .fetch(r -> new YearVolunteer(
                        r.get("id", Long.class),
                        Optional.ofNullable(r.get("name", String.class)).orElse("a volunteer"),
                        r.get("employer_name", String.class),
                        r.get("sessions", Integer.class),
                        r.get("pupils", Integer.class),
                        r.get("named_id", Long.class),
                        r.get("citation", String.class)));
    }

    /** Names (or names again, with a new citation) one of the year's volunteers. */
    public Outcome name(
            Actor actor, long hubId, long volunteerId, AcademicYear year, String citation, LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            boolean theHubs = new VolunteersOfTheYear(tx)
                    .forHub(hubId, year, today).stream().anyMatch(v -> v.volunteerId() == volunteerId);
            if (!theHubs) {
                return Outcome.NOT_THE_HUBS;
            }
            long id = tx.insertInto(
                            VOLUNTEER_OF_THE_YEAR,
                            VOLUNTEER_OF_THE_YEAR.HUB_ID,
                            VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID,
                            VOLUNTEER_OF_THE_YEAR.ACADEMIC_YEAR,
                            VOLUNTEER_OF_THE_YEAR.CITATION,
                            VOLUNTEER_OF_THE_YEAR.NAMED_BY_USER_ID)
                    .values(hubId, volunteerId, (short) year.startYear(), citation, actor.userId())
                    .onConflict(
                            VOLUNTEER_OF_THE_YEAR.HUB_ID,
                            VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID,
                            VOLUNTEER_OF_THE_YEAR.ACADEMIC_YEAR)
                    .doUpdate()
                    .set(VOLUNTEER_OF_THE_YEAR.CITATION, citation)
                    .set(VOLUNTEER_OF_THE_YEAR.NAMED_BY_USER_ID, actor.userId())
                    .set(VOLUNTEER_OF_THE_YEAR.NAMED_AT, DSL.currentOffsetDateTime())
                    .returning(VOLUNTEER_OF_THE_YEAR.ID)
                    .fetchOne()
                    .getId();
            new AuditLog(tx)
                    .record(
                            actor,
                            "volunteer_of_the_year.named",
                            "volunteer_of_the_year",
                            id,
                            Map.of("hubId", hubId, "volunteerId", volunteerId, "academicYear", year.label()));
            return Outcome.NAMED;
        });
    }

    /** The hub's naming, for its confirmation page. */
    public Optional<Named> find(long hubId, long namedId) {
        return dsl.resultQuery("""
                        select y.id, y.volunteer_id, case when v.erased_at is null then v.name end as name,
                               em.name as employer_name, y.academic_year, y.citation
                        from volunteer_of_the_year y
                        join volunteer v on v.id = y.volunteer_id
                        join employer em on em.id = v.employer_id
                        where y.hub_id = ? and y.id = ?
                        """, hubId, namedId)
                .fetchOptional(r -> new Named(
                        r.get("id", Long.class),
                        r.get("volunteer_id", Long.class),
                        Optional.ofNullable(r.get("name", String.class)).orElse("a volunteer"),
                        r.get("employer_name", String.class),
                        new AcademicYear(r.get("academic_year", Integer.class)),
                        r.get("citation", String.class)));
    }

    /** Takes a naming back; false when the hub has no such naming (removed already). */
    public boolean remove(Actor actor, long hubId, long namedId) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int removed = tx.deleteFrom(VOLUNTEER_OF_THE_YEAR)
                    .where(VOLUNTEER_OF_THE_YEAR.HUB_ID.eq(hubId))
                    .and(VOLUNTEER_OF_THE_YEAR.ID.eq(namedId))
                    .execute();
            if (removed > 0) {
                new AuditLog(tx)
                        .record(
                                actor,
                                "volunteer_of_the_year.removed",
                                "volunteer_of_the_year",
                                namedId,
                                Map.of("hubId", hubId));
            }
            return removed > 0;
        });
    }
}
