package uk.encounters.marketplace.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.statement.EmployerYear.PupilAnswers;
import uk.encounters.marketplace.statement.EmployerYear.SchoolRatings;
import uk.encounters.marketplace.statement.EmployerYear.VolunteerOfTheYear;

/**
 * Reads an employer's statement for a year: its figures in one query (each a CTE over the sessions given), its
 * volunteers of the year in a second.
 */
public final class EmployerYearRepository {

    /**
     * A session given, as the employer's page counts it (EmployerBookingRepository): booking {@code b} delivered, or
     * confirmed and ended before {@code today} (an SQL expression: a column or a bound {@code ?::date}).
     */
    static String given(String today) {
        return "(b.status = 'delivered' or (b.status = 'confirmed' and b.ends_on < " + today + "))";
    }

    // Pupils at an event the employer had a stall at each met it, as on the employer's page.
    private static final String FIGURES = """
            with p as (
                select ?::bigint employer_id, ?::date first_day, ?::date last_day, ?::date today,
                       ?::numeric morning, ?::numeric afternoon, ?::numeric all_day
            ),
            given as (
                select b.id, b.volunteer_id, b.starts_on, b.ends_on, b.period, b.event_id, r.school_id
                from booking b
                join offer o on o.id = b.offer_id
                left join request r on r.id = b.request_id
                cross join p
                where o.employer_id = p.employer_id
                  and b.starts_on between p.first_day and p.last_day
                  and %s
            ),
            reached as (
                select count(distinct e.pupil_id) as pupils,
                       count(distinct e.pupil_id) filter (where pu.disadvantaged) as disadvantaged
                from encounter e
                join pupil pu on pu.id = e.pupil_id
                where e.attended
                  and (e.booking_id in (select id from given)
                       or e.event_id in (select event_id from given where event_id is not null))
            ),
            erased as (
                select coalesce(sum(t.attended), 0) as pupils, coalesce(sum(t.disadvantaged_attended), 0) as disadvantaged
                from booking_attendance_tally t
                where t.booking_id in (select id from given)
            ),
            schools as (
                select count(*) as schools from (
                    select school_id from given where school_id is not null
                    union
                    select s.school_id from event_sign_up s where s.event_id in (select event_id from given)
                ) x
            ),
            volunteer_days as (
                select distinct coalesce(g.volunteer_id, -g.id) as who, d::date as day, g.period
                from given g
                cross join generate_series(g.starts_on, g.ends_on, interval '1 day') d
                where extract(isodow from d) < 6
            ),
            hours as (
                select coalesce(sum(case v.period when 'morning' then p.morning
                                                  when 'afternoon' then p.afternoon
                                                  else p.all_day end), 0) as hours
                from volunteer_days v cross join p
            ),
            answers as (
                select count(*) as answered,
                       count(*) filter (where f.learnt_what_work_is_like = 'yes') as work_is_like,
                       count(*) filter (where f.learnt_what_it_takes = 'yes') as it_takes,
                       count(*) filter (where f.would_consider = 'yes') as would_consider
                from pupil_feedback f
                where f.booking_id in (select id from given)
            ),
            ratings as (
                select count(*) as rated, round(avg(f.rating), 1) as average
                from feedback f
                where f.from_side = 'school' and f.booking_id in (select id from given)
            )
            select em.name as employer_name, h.name as hub_name,
                   (select count(*) from given) as sessions,
                   reached.pupils + erased.pupils as pupils,
                   reached.disadvantaged + erased.disadvantaged as disadvantaged,
                   schools.schools,
                   hours.hours,
                   (select count(distinct volunteer_id) from given) as volunteers,
                   answers.answered, answers.work_is_like, answers.it_takes, answers.would_consider,
                   ratings.rated, ratings.average
            from employer em
            join hub h on h.id = em.registered_in_hub_id
            cross join p
            cross join reached cross join erased cross join schools cross join hours
            cross join answers cross join ratings
            where em.id = p.employer_id
            """.formatted(given("p.today"));

    private static final String NAMED = """
            select h.name as hub_name, case when v.erased_at is null then v.name end as volunteer_name, y.citation
            from volunteer_of_the_year y
            join volunteer v on v.id = y.volunteer_id
            join hub h on h.id = y.hub_id
            where v.employer_id = ? and y.academic_year = ?
            order by h.name, v.name, y.id
            """;

    private static final String YEARS = """
            select distinct extract(year from b.starts_on - interval '8 months')::int as start_year
            from booking b
            join offer o on o.id = b.offer_id
            where o.employer_id = ?
              and %s
            order by start_year desc
            """.formatted(given("?::date"));

    private final DSLContext dsl;

    public EmployerYearRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The employer's year; empty when there is no such employer. */
    public Optional<EmployerYear> find(long employerId, AcademicYear year, LocalDate today) {
        Record r = dsl.resultQuery(
                        FIGURES,
                        employerId,
                        year.firstDay(),
                        year.lastDay(),
                        today,
                        VolunteerHours.of("morning"),
                        VolunteerHours.of("afternoon"),
                        VolunteerHours.of("all_day"))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<VolunteerOfTheYear> named = dsl.resultQuery(NAMED, employerId, (short) year.startYear())
                .fetch(n -> new VolunteerOfTheYear(
                        n.get("hub_name", String.class),
                        Optional.ofNullable(n.get("volunteer_name", String.class))
                                .orElse("a volunteer"),
                        n.get("citation", String.class)));
        return Optional.of(new EmployerYear(
                employerId,
                r.get("employer_name", String.class),
                r.get("hub_name", String.class),
                year,
                r.get("sessions", Integer.class),
                r.get("pupils", Integer.class),
                r.get("disadvantaged", Integer.class),
                r.get("schools", Integer.class),
                r.get("hours", BigDecimal.class).stripTrailingZeros(),
                r.get("volunteers", Integer.class),
                new PupilAnswers(
                        r.get("answered", Integer.class),
                        r.get("work_is_like", Integer.class),
                        r.get("it_takes", Integer.class),
                        r.get("would_consider", Integer.class)),
                new SchoolRatings(r.get("rated", Integer.class), r.get("average", BigDecimal.class)),
                named));
    }

    /** The academic years in which the employer gave any session, latest first. */
    public List<AcademicYear> yearsWithSessions(long employerId, LocalDate today) {
        return dsl.resultQuery(YEARS, employerId, today)
                .fetch(r -> new AcademicYear(r.get("start_year", Integer.class)));
    }
}
