package uk.encounters.marketplace.request;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.matcher.domain.EncounterType;

/**
 * "What to request next": for each year group, the sessions that would reach every pupil without
 * an encounter this year (Benchmark 5) and every pupil of Years 10-13 still owed a workplace
 * experience (Benchmark 6), then those still behind their target after this year's first, less
 * the places the school's open requests already ask for, in the type and group size the school
 * uses most, in a window starting a week from today. Posting them all is one click ({@link #post}).
 */
public final class RequestPlan {

    /** A class: the group size when the school has asked for nothing of the kind before. */
    static final int CLASS_SIZE = 30;

    static final int VISIT_GROUP = 15;
    /** More sessions than this in one request is more than one employer's week can give. */
    static final int MOST_SESSIONS = 10;

    static final int WEEKS_AHEAD = 1;
    static final int WINDOW_WEEKS = 4;

    /** Pupils a benchmark still needs in a year group, for one kind of encounter. */
    public enum Need {
        /** No encounter this year and none booked: Benchmark 5. */
        FIRST_THIS_YEAR,
        /** Years 10-13 owed a workplace experience: Benchmark 6. */
        WORKPLACE_EXPERIENCE,
        /**
         * One this year already, and still behind the target to date: asked for last, so it takes
         * only supply the first two leave, and none goes unused while pupils are behind.
         */
        CATCH_UP;

        /** The need a request of this type is counted against: talks and the like serve the first encounter. */
        static Need askedBy(EncounterType type) {
            return type.workplaceExperience() ? WORKPLACE_EXPERIENCE : FIRST_THIS_YEAR;
        }
    }

    /**
     * One proposed request and the pupils it is for.
     *
     * @param alreadyAsked places the school's open requests already ask for, for the same pupils
     */
    public record Proposal(Need need, int yearGroup, int pupilsInNeed, int alreadyAsked, RequestDetails details) {

        public String why() {
            String why = switch (need) {
                case FIRST_THIS_YEAR ->
                    pupilsInNeed + (pupilsInNeed == 1 ? " pupil has" : " pupils have") + " no encounter this year";
                case WORKPLACE_EXPERIENCE ->
                    pupilsInNeed + (pupilsInNeed == 1 ? " pupil still needs" : " pupils still need")
                            + " a workplace experience (Benchmark 6)";
                case CATCH_UP ->
                    pupilsInNeed + (pupilsInNeed == 1 ? " pupil is" : " pupils are")
                            + " still behind the target to date after this year's first";
            };
            return alreadyAsked == 0 ? why : why + "; your open requests ask for " + alreadyAsked + " of them";
        }

        public String what() {
            int sessions = details.sessions();
            String type = details.type().label().toLowerCase(java.util.Locale.UK);
            return (sessions == 1 ? "A " + type : sessions + " sessions of " + type) + " for " + details.pupils()
                    + (details.pupils() == 1 ? " pupil" : " pupils") + " of Year " + yearGroup
                    + (sessions == 1 ? "" : " each");
        }
    }

    /** The type and group size a school uses for one need, from its own requests. */
    record Usual(EncounterType type, int pupils, boolean inSchool, boolean atWorkplace, boolean online) {}

    private final DSLContext dsl;

    public RequestPlan(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The school's proposals today, most pupils in need first. */
    public List<Proposal> forSchool(long schoolId, LocalDate today) {
        List<PupilProgress> pupils = new ProgressRepository(dsl).forSchool(schoolId, today);
        SchoolCalendar calendar = new HubCalendarSettings(dsl).calendarOfSchool(schoolId);
        return propose(pupils, openPlaces(schoolId, today), usual(schoolId, today), calendar, today);
    }

    /** Posts every proposal as a request, in one transaction; the ids of the new requests. */
    public List<Long> post(long schoolId, List<Proposal> proposals) {
        return dsl.transactionResult(c -> {
            RequestRepository requests = new RequestRepository(c.dsl());
            List<Long> ids = new ArrayList<>();
            for (Proposal proposal : proposals) {
                ids.add(requests.create(schoolId, proposal.details()));
            }
            return ids;
        });
    }

    /**
     * The rule itself, without the database.
     *
     * @param openPlaces pupil places the school's open requests still ask for, by year group and need
     * @param usual      the school's usual request for each need, where it has one
     * @param calendar   the school's hub's calendar, which the windows fall on
     */
    static List<Proposal> propose(
            Collection<PupilProgress> pupils,
            Map<Integer, Map<Need, Integer>> openPlaces,
            Map<Need, Usual> usual,
            SchoolCalendar calendar,
            LocalDate today) {
        Map<Integer, int[]> inNeed = new HashMap<>(); // by year group and need, in the need's order
        for (PupilProgress pupil : pupils) {
            int[] counts = inNeed.computeIfAbsent(pupil.yearGroup(), y -> new int[Need.values().length]);
            boolean hasOne = pupil.hadEncounterThisYear() || pupil.bookedThisYear();
            counts[Need.FIRST_THIS_YEAR.ordinal()] += hasOne ? 0 : 1;
            counts[Need.WORKPLACE_EXPERIENCE.ordinal()] +=
                    pupil.yearGroup() >= 10 && pupil.needsWorkplaceExperience() ? 1 : 0;
            counts[Need.CATCH_UP.ordinal()] += hasOne && pupil.encountersBehind() > 0 ? 1 : 0;
        }
        LocalDate start = calendar.schoolDayOnOrAfter(today.plusWeeks(WEEKS_AHEAD));
        LocalDate lastDay = calendar.lastTeachingDay(AcademicYear.containing(start));
        LocalDate end =
                calendar.schoolDayOnOrBefore(start.plusWeeks(WINDOW_WEEKS).minusDays(1));
        if (end.isAfter(lastDay)) {
            end = lastDay;
        }
        List<Proposal> proposals = new ArrayList<>();
        for (var entry : inNeed.entrySet()) {
            int yearGroup = entry.getKey();
            for (Need need : Need.values()) {
                int pupilsInNeed = entry.getValue()[need.ordinal()];
                int asked = asked(openPlaces.getOrDefault(yearGroup, Map.of()), need, entry.getValue());
                int toAsk = pupilsInNeed - asked;
                if (toAsk <= 0 || end.isBefore(start)) {
                    continue;
                }
                Usual shape = need == Need.WORKPLACE_EXPERIENCE
                        ? usual.getOrDefault(
                                need, new Usual(EncounterType.WORKPLACE_VISIT, VISIT_GROUP, false, true, false))
                        : usual.getOrDefault(
                                Need.FIRST_THIS_YEAR,
                                new Usual(EncounterType.CAREERS_TALK, CLASS_SIZE, true, false, false));
                proposals.add(new Proposal(
                        need, yearGroup, pupilsInNeed, asked, details(shape, yearGroup, toAsk, start, end)));
            }
        }
        proposals.sort(Comparator.comparingInt((Proposal p) -> p.need().ordinal())
                .thenComparing(Comparator.comparingInt(Proposal::pupilsInNeed).reversed())
                .thenComparingInt(Proposal::yearGroup));
        return proposals;
    }

    /**
     * Places open requests already ask for, for this need. Talks and the like serve first
     * encounters before catch-up ones: what is left of them after the first counts for catching up.
     */
    private static int asked(Map<Need, Integer> open, Need need, int[] inNeed) {
        int talks = open.getOrDefault(Need.FIRST_THIS_YEAR, 0);
        return switch (need) {
            case FIRST_THIS_YEAR -> talks;
            case WORKPLACE_EXPERIENCE -> open.getOrDefault(Need.WORKPLACE_EXPERIENCE, 0);
            case CATCH_UP -> Math.max(0, talks - inNeed[Need.FIRST_THIS_YEAR.ordinal()]);
        };
    }

    private static RequestDetails details(Usual shape, int yearGroup, int pupils, LocalDate start, LocalDate end) {
        boolean placement = shape.type() == EncounterType.WORK_EXPERIENCE;
        int group = Math.max(1, Math.min(shape.pupils(), pupils));
        int sessions = placement ? 1 : Math.min(MOST_SESSIONS, (pupils + group - 1) / group);
        int perSession = placement ? Math.min(pupils, shape.pupils()) : (pupils + sessions - 1) / sessions;
        return new RequestDetails(
                shape.type(),
                yearGroup,
                perSession,
                sessions,
                start,
                end,
                true,
                true,
                shape.inSchool(),
                shape.atWorkplace(),
                shape.online(),
                List.of(),
                null,
                null,
                "Proposed by What to request next",
                null);
    }

    /** Places the school's open requests still ask for, less what their live bookings already hold. */
    private Map<Integer, Map<Need, Integer>> openPlaces(long schoolId, LocalDate today) {
        Field<BigDecimal> held = DSL.field(DSL.select(DSL.coalesce(
                        DSL.sum(DSL.when(
                                        BOOKING.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()), BOOKING.PUPILS)
                                .otherwise(1)),
                        DSL.inline(0)))
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .and(BOOKING.STATUS.in(
                        BookingStatus.PROPOSED,
                        BookingStatus.PUBLISHED,
                        BookingStatus.CONFIRMED,
                        BookingStatus.DELIVERED)));
        Map<Integer, Map<Need, Integer>> places = new HashMap<>();
        dsl.select(REQUEST.YEAR_GROUP, REQUEST.ENCOUNTER_TYPE, REQUEST.PUPILS, REQUEST.SESSIONS, held)
                .from(REQUEST)
                .where(REQUEST.SCHOOL_ID.eq(schoolId))
                .and(REQUEST.STATUS.eq(RequestStatus.OPEN))
                .and(REQUEST.WINDOW_END.ge(today))
                .forEach(r -> {
                    EncounterType type = EncounterType.fromCode(r.get(REQUEST.ENCOUNTER_TYPE));
                    int pupils = r.get(REQUEST.PUPILS);
                    int heldUnits = r.get(held).intValue();
                    int open = type == EncounterType.WORK_EXPERIENCE
                            ? pupils - heldUnits
                            : pupils * Math.max(0, r.get(REQUEST.SESSIONS) - heldUnits);
                    places.computeIfAbsent((int) r.get(REQUEST.YEAR_GROUP), y -> new HashMap<>())
                            .merge(Need.askedBy(type), Math.max(0, open), Integer::sum);
                });
        return places;
    }

    /**
     * For each need, the type the school asked for most in the last year (placements aside), at
     * its median size, in the places it accepted.
     */
    private Map<Need, Usual> usual(long schoolId, LocalDate today) {
        Map<Need, Map<EncounterType, List<Integer>>> sizes = new HashMap<>();
        Map<EncounterType, boolean[]> places = new HashMap<>();
        dsl.select(REQUEST.ENCOUNTER_TYPE, REQUEST.PUPILS, REQUEST.IN_SCHOOL, REQUEST.AT_WORKPLACE, REQUEST.ONLINE)
                .from(REQUEST)
                .where(REQUEST.SCHOOL_ID.eq(schoolId))
                .and(REQUEST.WINDOW_START.ge(today.minusYears(1)))
                // placements are planned for their summer weeks, not proposed for the next few
                .and(REQUEST.ENCOUNTER_TYPE.ne(EncounterType.WORK_EXPERIENCE.code()))
                .forEach(r -> {
                    EncounterType type = EncounterType.fromCode(r.get(REQUEST.ENCOUNTER_TYPE));
                    sizes.computeIfAbsent(Need.askedBy(type), n -> new HashMap<>())
                            .computeIfAbsent(type, t -> new ArrayList<>())
                            .add(r.get(REQUEST.PUPILS));
                    boolean[] where = places.computeIfAbsent(type, t -> new boolean[3]);
                    where[0] |= r.get(REQUEST.IN_SCHOOL);
                    where[1] |= r.get(REQUEST.AT_WORKPLACE);
                    where[2] |= r.get(REQUEST.ONLINE);
                });
        Map<Need, Usual> usual = new HashMap<>();
        sizes.forEach((need, byType) -> byType.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<EncounterType, List<Integer>> e) ->
                                e.getValue().size())
                        .thenComparing(e -> e.getKey().code()))
                .ifPresent(e -> {
                    List<Integer> sorted = e.getValue().stream().sorted().toList();
                    boolean[] where = places.get(e.getKey());
                    usual.put(need, new Usual(e.getKey(), sorted.get(sorted.size() / 2), where[0], where[1], where[2]));
                }));
        return usual;
    }
}
