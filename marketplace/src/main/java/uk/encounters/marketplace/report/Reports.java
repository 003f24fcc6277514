package uk.encounters.marketplace.report;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.feedback.FeedbackSide;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.hub.SupplyGaps;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.GroupFigures;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.YearEndFigures;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.school.ColdSpot;

/**
 * Reads the hub's report to its funders and a school's to its governors. This year's pupils are
 * judged today; a past year's are those kept as it ended ({@link YearEndFigures}). Employers,
 * supply and feedback are counted from the bookings and requests of the year, which are kept.
 */
public final class Reports {

    /** Years shown side by side: this one and the four before it, as far as figures go back. */
    static final int YEARS_COMPARED = 5;
    /** Employers listed by asks: enough to see who is leaned on, not the whole bank. */
    static final int MOST_ASKED = 10;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final DSLContext dsl;

    public Reports(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whose figures: the schools, their bookings, and the hub whose rounds asked (null for a school). */
    private record Scope(List<Long> schoolIds, Condition bookings, Long hubId) {}

    /** The hub's report for {@code year}, which must not be later than today's. */
    public HubReport forHub(long hubId, AcademicYear year, LocalDate today) {
        Record hub = dsl.select(HUB.NAME, HUB.TARGET_ENCOUNTERS)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchOptional()
                .orElseThrow(() -> new NoSuchElementException("No hub " + hubId));
        Map<Long, ? extends Record> schools = dsl.select(SCHOOL.ID, SCHOOL.NAME, SCHOOL.DEPRIVATION_DECILE)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .orderBy(SCHOOL.NAME, SCHOOL.ID)
                .fetchMap(SCHOOL.ID);
        Scope scope = new Scope(
                List.copyOf(schools.keySet()),
                BOOKING.OFFER_ID.in(select(OFFER.ID).from(OFFER).where(OFFER.HUB_ID.eq(hubId))),
                hubId);
        Map<Long, Map<Integer, List<GroupFigures>>> pupils = pupilFigures(scope, year, today);
        List<HubReport.SchoolRow> rows = new ArrayList<>();
        schools.forEach((id, school) -> rows.add(new HubReport.SchoolRow(
                id,
                school.get(SCHOOL.NAME),
                ColdSpot.is(
                        school.get(SCHOOL.DEPRIVATION_DECILE) == null
                                ? null
                                : school.get(SCHOOL.DEPRIVATION_DECILE).intValue()),
                Breakdown.of(groupsIn(pupils, id, year.startYear())))));
        List<YearFigures> years = years(scope, pupils, year, today);
        return new HubReport(
                hubId,
                hub.get(HUB.NAME),
                today,
                EncounterTarget.of(hub.get(HUB.TARGET_ENCOUNTERS)),
                years.getLast(),
                rows,
                yearGroups(allGroups(pupils, year.startYear())),
                mostAsked(scope, year, today),
                year.equals(AcademicYear.containing(today))
                        ? SupplyGaps.forHub(dsl, hubId, today).targets()
                        : List.of(),
                years);
    }

    /** The school's report for {@code year}, which must not be later than today's. */
    public SchoolReport forSchool(long schoolId, AcademicYear year, LocalDate today) {
        Record school = dsl.select(SCHOOL.NAME, HUB.NAME, HUB.TARGET_ENCOUNTERS)
                .from(SCHOOL)
                .join(HUB)
                .on(HUB.ID.eq(SCHOOL.HUB_ID))
                .where(SCHOOL.ID.eq(schoolId))
                .fetchOptional()
                .orElseThrow(() -> new NoSuchElementException("No school " + schoolId));
        Scope scope = new Scope(
                List.of(schoolId),
                BOOKING.REQUEST_ID
                        .in(select(REQUEST.ID).from(REQUEST).where(REQUEST.SCHOOL_ID.eq(schoolId)))
                        .or(BOOKING.EVENT_ID.in(select(EVENT_SIGN_UP.EVENT_ID)
                                .from(EVENT_SIGN_UP)
                                .where(EVENT_SIGN_UP.SCHOOL_ID.eq(schoolId)))),
                null);
        Map<Long, Map<Integer, List<GroupFigures>>> pupils = pupilFigures(scope, year, today);
        List<YearFigures> years = years(scope, pupils, year, today);
        return new SchoolReport(
                schoolId,
                school.get(SCHOOL.NAME),
                school.get(HUB.NAME),
                today,
                EncounterTarget.of(school.get(HUB.TARGET_ENCOUNTERS)),
                years.getLast(),
                yearGroups(allGroups(pupils, year.startYear())),
                years);
    }

    /**
     * The pupils' figures by school and academic year: those kept for years gone, and for this
     * year, when it is one of those asked for, the pupils as they stand today.
     */
    private Map<Long, Map<Integer, List<GroupFigures>>> pupilFigures(Scope scope, AcademicYear year, LocalDate today) {
        AcademicYear current = AcademicYear.containing(today);
        if (year.startYear() > current.startYear()) {
            throw new IllegalArgumentException("No figures yet for " + year.label());
        }
        Map<Long, Map<Integer, List<GroupFigures>>> figures = new TreeMap<>();
        figures.putAll(new YearEndFigures(dsl).kept(scope.schoolIds()));
        // today's pupils count for this year even where the rollover has not kept last year yet
        ProgressRepository progress = new ProgressRepository(dsl);
        Map<Long, List<PupilProgress>> now = scope.hubId() == null
                ? Map.of(
                        scope.schoolIds().getFirst(),
                        progress.forSchool(scope.schoolIds().getFirst(), today))
                : progress.forHub(scope.hubId(), today);
        now.forEach((school, pupils) -> figures.computeIfAbsent(school, s -> new TreeMap<>())
                .put(current.startYear(), GroupFigures.of(pupils)));
        return figures;
    }

    /** This year and those before it back to {@link #YEARS_COMPARED}, oldest first, each counted in full. */
    private List<YearFigures> years(
            Scope scope, Map<Long, Map<Integer, List<GroupFigures>>> pupils, AcademicYear year, LocalDate today) {
        TreeSet<Integer> starts = new TreeSet<>();
        pupils.values().forEach(byYear -> starts.addAll(byYear.keySet()));
        starts.add(year.startYear());
        List<YearFigures> years = new ArrayList<>();
        for (int start : starts.headSet(year.startYear(), true).descendingSet()) {
            if (years.size() == YEARS_COMPARED) {
                break;
            }
            AcademicYear shown = new AcademicYear(start);
            List<GroupFigures> groups = allGroups(pupils, start);
            boolean kept = pupils.values().stream().anyMatch(byYear -> byYear.containsKey(start));
            years.addFirst(new YearFigures(
                    shown,
                    kept,
                    Breakdown.of(groups),
                    engagement(scope, shown, today),
                    supply(scope, shown),
                    feedback(scope, shown)));
        }
        return years;
    }

    private static List<GroupFigures> groupsIn(
            Map<Long, Map<Integer, List<GroupFigures>>> pupils, long school, int year) {
        return pupils.getOrDefault(school, Map.of()).getOrDefault(year, List.of());
    }

    private static List<GroupFigures> allGroups(Map<Long, Map<Integer, List<GroupFigures>>> pupils, int year) {
        return pupils.values().stream()
                .flatMap(byYear -> byYear.getOrDefault(year, List.of()).stream())
                .toList();
    }

    /** Years 7 to 13, those without pupils left out. */
    private static List<YearGroupRow> yearGroups(Collection<GroupFigures> groups) {
        return IntStream.rangeClosed(EncounterTarget.FIRST_YEAR_GROUP, EncounterTarget.LAST_YEAR_GROUP)
                .mapToObj(y -> new YearGroupRow(y, Breakdown.of(only(groups, g -> g.yearGroup() == y))))
                .filter(row -> row.figures().all().pupils() > 0)
                .toList();
    }

    private static List<GroupFigures> only(Collection<GroupFigures> groups, Predicate<GroupFigures> which) {
        return groups.stream().filter(which).toList();
    }

    private Condition sessionsOf(Scope scope, AcademicYear year) {
        return scope.bookings().and(BOOKING.STARTS_ON.between(year.firstDay(), year.lastDay()));
    }

    private Engagement engagement(Scope scope, AcademicYear year, LocalDate today) {
        Record given = dsl.select(count(), countDistinct(OFFER.EMPLOYER_ID))
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(sessionsOf(scope, year))
                .and(EmployerBookingRepository.given(today))
                .fetchSingle();
        int employersAsked = 0;
        int asks = 0;
        if (scope.hubId() != null) {
            var asked = selectDistinct(BOOKING.ROUND_ID, OFFER.EMPLOYER_ID)
                    .from(BOOKING)
                    .join(MATCHING_ROUND)
                    .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
                    .join(OFFER)
                    .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                    .where(publishedIn(scope.hubId(), year));
            asks = dsl.fetchCount(asked);
            var table = asked.asTable("asked");
            employersAsked = dsl.fetchCount(
                    selectDistinct(table.field(OFFER.EMPLOYER_ID)).from(table));
        }
        return new Engagement(given.get(1, Integer.class), given.get(0, Integer.class), employersAsked, asks);
    }

    /** The hub's rounds published in the year: each asked the employers it booked once. */
    private static Condition publishedIn(long hubId, AcademicYear year) {
        return MATCHING_ROUND
                .HUB_ID
                .eq(hubId)
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED))
                .and(MATCHING_ROUND.PUBLISHED_AT.ge(
                        year.firstDay().atStartOfDay(LONDON).toOffsetDateTime()))
                .and(MATCHING_ROUND.PUBLISHED_AT.lt(
                        year.next().firstDay().atStartOfDay(LONDON).toOffsetDateTime()));
    }

    private List<HubReport.EmployerAsks> mostAsked(Scope scope, AcademicYear year, LocalDate today) {
        Field<Integer> asks = countDistinct(BOOKING.ROUND_ID).filterWhere(publishedIn(scope.hubId(), year));
        Field<Integer> given = count().filterWhere(sessionsOf(scope, year).and(EmployerBookingRepository.given(today)));
        return dsl.select(EMPLOYER.ID, EMPLOYER.NAME, asks, given)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(MATCHING_ROUND)
                .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
                .where(scope.bookings())
                .groupBy(EMPLOYER.ID, EMPLOYER.NAME)
                .having(asks.gt(0))
                .orderBy(asks.desc(), given.desc(), EMPLOYER.NAME, EMPLOYER.ID)
                .limit(MOST_ASKED)
                .fetch(r -> new HubReport.EmployerAsks(
                        r.get(EMPLOYER.ID), r.get(EMPLOYER.NAME), r.get(asks), r.get(given)));
    }

    private Supply supply(Scope scope, AcademicYear year) {
        Field<Integer> held = selectCount()
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .and(BOOKING.STATUS.in(BookingStatus.HELD))
                .asField();
        Field<BigDecimal> requested = sum(REQUEST.SESSIONS);
        Field<BigDecimal> filled = sum(least(REQUEST.SESSIONS, held));
        Record r = dsl.select(coalesce(requested, inline(BigDecimal.ZERO)), coalesce(filled, inline(BigDecimal.ZERO)))
                .from(REQUEST)
                .where(REQUEST.SCHOOL_ID.in(scope.schoolIds()))
                .and(REQUEST.WINDOW_START.between(year.firstDay(), year.lastDay()))
                .and(REQUEST.STATUS.ne(RequestStatus.CANCELLED))
                .fetchSingle();
        int asked = r.get(0, Integer.class);
        int found = r.get(1, Integer.class);
        return new Supply(asked, found, asked - found);
    }

    private FeedbackSummary feedback(Scope scope, AcademicYear year) {
        var fromSchool = FEEDBACK.FROM_SIDE.eq(FeedbackSide.SCHOOL.getLiteral());
        var fromEmployer = FEEDBACK.FROM_SIDE.eq(FeedbackSide.EMPLOYER.getLiteral());
        Record sides = dsl.select(
                        count().filterWhere(fromSchool),
                        avg(FEEDBACK.RATING).filterWhere(fromSchool),
                        count().filterWhere(fromEmployer),
                        avg(FEEDBACK.RATING).filterWhere(fromEmployer))
                .from(FEEDBACK)
                .join(BOOKING)
                .on(BOOKING.ID.eq(FEEDBACK.BOOKING_ID))
                .where(sessionsOf(scope, year))
                .fetchSingle();
        Record pupils = dsl.select(
                        count(),
                        count().filterWhere(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE.eq(PupilAnswer.YES)),
                        count().filterWhere(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES.eq(PupilAnswer.YES)),
                        count().filterWhere(PUPIL_FEEDBACK.WOULD_CONSIDER.eq(PupilAnswer.YES)))
                .from(PUPIL_FEEDBACK)
                .join(BOOKING)
                .on(BOOKING.ID.eq(PUPIL_FEEDBACK.BOOKING_ID))
                .where(sessionsOf(scope, year))
                .fetchSingle();
        return new FeedbackSummary(
                sides.get(0, Integer.class),
                tenths(sides.get(1, BigDecimal.class)),
                sides.get(2, Integer.class),
                tenths(sides.get(3, BigDecimal.class)),
                pupils.get(0, Integer.class),
                pupils.get(1, Integer.class),
                pupils.get(2, Integer.class),
                pupils.get(3, Integer.class));
    }

    private static int tenths(BigDecimal average) {
        return average == null
                ? 0
                : average.movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValue();
    }
}
