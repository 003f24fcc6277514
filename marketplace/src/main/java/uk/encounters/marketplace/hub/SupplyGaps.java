package uk.encounters.marketplace.hub;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.marketplace.round.RoundProblem;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.School;

/**
 * The hub's unmet demand turned into recruitment targets: the sessions of open requests in the
 * next round's weeks that no booking holds (nor the round proposal awaiting publication), grouped
 * by encounter type, preferred sector, year-group band and the schools' postcode district, each
 * with the reasons the latest round gave for leaving those requests unmatched.
 *
 * @param roundId the latest proposed or published round whose reasons are quoted; null without one
 */
public record SupplyGaps(List<RecruitmentTarget> targets, Long roundId) {

    /**
     * Year groups recruited for together: an employer who talks to Year 8 talks to Year 9, but
     * rarely to Year 12 as well. These are the key stages (3; 4; 16-19).
     */
    static final List<int[]> YEAR_BANDS = List.of(new int[] {7, 9}, new int[] {10, 11}, new int[] {12, 13});
    /** Reasons quoted per target: the commonest few say what is missing. */
    static final int MAX_REASONS = 3;

    private record Unmet(
            long requestId,
            long schoolId,
            String area,
            int yearGroup,
            EncounterType type,
            List<String> sectors,
            boolean onlineOnly,
            int units) {}

    private record Key(EncounterType type, List<String> sectors, int band, String area, boolean onlineOnly) {}

    public SupplyGaps {
        targets = List.copyOf(targets);
    }

    public static SupplyGaps forHub(DSLContext dsl, long hubId, LocalDate today) {
        List<Unmet> unmet = unmet(dsl, hubId, today);
        Optional<Long> round = dsl.select(MATCHING_ROUND.ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.in(RoundStatus.PROPOSED, RoundStatus.PUBLISHED))
                .orderBy(MATCHING_ROUND.CREATED_AT.desc(), MATCHING_ROUND.ID.desc())
                .limit(1)
                .fetchOptional(MATCHING_ROUND.ID);
        Map<Long, List<String>> reasons = new HashMap<>();
        round.ifPresent(id -> dsl.select(ROUND_UNMATCHED.REQUEST_ID, ROUND_UNMATCHED.REASONS)
                .from(ROUND_UNMATCHED)
                .where(ROUND_UNMATCHED.ROUND_ID.eq(id))
                .forEach(r -> reasons.computeIfAbsent(r.get(ROUND_UNMATCHED.REQUEST_ID), k -> new ArrayList<>())
                        .addAll(r.get(ROUND_UNMATCHED.REASONS)
                                .lines()
                                .filter(line -> !line.isBlank())
                                .toList())));

        Map<Key, List<Unmet>> groups = new LinkedHashMap<>();
        for (Unmet u : unmet) {
            groups.computeIfAbsent(
                            new Key(u.type(), u.sectors(), band(u.yearGroup()), u.area(), u.onlineOnly()),
                            k -> new ArrayList<>())
                    .add(u);
        }
        List<RecruitmentTarget> targets = new ArrayList<>();
        groups.forEach((key, rows) -> targets.add(target(key, rows, reasons)));
        targets.sort(Comparator.comparingInt(RecruitmentTarget::needed)
                .reversed()
                .thenComparing(t -> t.type().ordinal())
                .thenComparing(RecruitmentTarget::area)
                .thenComparingInt(RecruitmentTarget::yearFrom)
                .thenComparing(RecruitmentTarget::sector));
        return new SupplyGaps(targets, round.orElse(null));
    }

    /** Open requests meeting the next round's weeks, with what no booking or live proposal holds. */
    private static List<Unmet> unmet(DSLContext dsl, long hubId, LocalDate today) {
        Horizon horizon = RoundSolver.nextHorizon(new HubCalendarSettings(dsl).calendarOf(hubId), today);
        var held = BOOKING.STATUS
                .in(BookingStatus.HELD)
                .or(BOOKING.STATUS.eq(BookingStatus.PROPOSED).and(MATCHING_ROUND.STATUS.eq(RoundStatus.PROPOSED)));
        Field<BigDecimal> taken = coalesce(sum(RoundProblem.BOOKING_UNITS).filterWhere(held), inline(BigDecimal.ZERO));
        return dsl
                .select(
                        REQUEST.ID,
                        REQUEST.SCHOOL_ID,
                        SCHOOL.POSTCODE,
                        SCHOOL.NAME,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        REQUEST.PREFERRED_SECTORS,
                        REQUEST.IN_SCHOOL,
                        REQUEST.AT_WORKPLACE,
                        RoundProblem.REQUEST_UNITS,
                        taken)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .leftJoin(BOOKING)
                .on(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .leftJoin(MATCHING_ROUND)
                .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(RoundProblem.openInHorizon(horizon, today))
                .groupBy(REQUEST.ID, SCHOOL.ID)
                .fetch(r -> new Unmet(
                        r.get(REQUEST.ID),
                        r.get(REQUEST.SCHOOL_ID),
                        area(r.get(SCHOOL.POSTCODE), r.get(SCHOOL.NAME)),
                        r.get(REQUEST.YEAR_GROUP),
                        EncounterType.fromCode(r.get(REQUEST.ENCOUNTER_TYPE)),
                        List.copyOf(
                                new TreeSet<>(RequestRepository.preferredSectors(r.get(REQUEST.PREFERRED_SECTORS)))),
                        !r.get(REQUEST.IN_SCHOOL) && !r.get(REQUEST.AT_WORKPLACE),
                        r.get(RoundProblem.REQUEST_UNITS) - r.get(taken).intValue()))
                .stream()
                .filter(u -> u.units() > 0)
                .toList();
    }

    /** The school's postcode district, or its name when it has no postcode. */
    private static String area(String postcode, String schoolName) {
        return postcode == null ? schoolName : PostcodeDistrict.of(postcode);
    }

    private static RecruitmentTarget target(Key key, List<Unmet> rows, Map<Long, List<String>> reasons) {
        Set<Long> schools = new TreeSet<>();
        int yearFrom = Integer.MAX_VALUE, yearTo = 0, needed = 0;
        Map<String, Integer> why = new HashMap<>();
        for (Unmet u : rows) {
            schools.add(u.schoolId());
            yearFrom = Math.min(yearFrom, u.yearGroup());
            yearTo = Math.max(yearTo, u.yearGroup());
            needed += u.units();
            reasons.getOrDefault(u.requestId(), List.of()).forEach(reason -> why.merge(reason, 1, Integer::sum));
        }
        List<String> commonest = why.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_REASONS)
                .map(Map.Entry::getKey)
                .toList();
        return new RecruitmentTarget(
                key.type(),
                key.sectors(),
                yearFrom,
                yearTo,
                key.area(),
                School.DEFAULT_TRAVEL_LIMIT_KM,
                key.onlineOnly(),
                needed,
                rows.size(),
                schools.size(),
                commonest);
    }

    private static int band(int yearGroup) {
        for (int i = 0; i < YEAR_BANDS.size(); i++) {
            if (yearGroup <= YEAR_BANDS.get(i)[1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("Year group must be 7 to 13, not " + yearGroup);
    }

    /** Whether the latest round gave a reason for any target: without one, pages say so once, not per row. */
    public boolean anyReasons() {
        return targets.stream().anyMatch(t -> !t.reasons().isEmpty());
    }

    /** The report as a spreadsheet: one row per target, formula-safe (see {@link CsvWriter}). */
    public String csv() {
        CsvWriter csv = new CsvWriter()
                .row(
                        "target",
                        "more_needed",
                        "encounter_type",
                        "sector",
                        "year_groups",
                        "area",
                        "within_km",
                        "online_only",
                        "requests",
                        "schools",
                        "latest_round_reasons");
        targets.forEach(t -> csv.row(
                t.wording(),
                t.needed(),
                t.type().label(),
                t.sector(),
                t.yearGroups(),
                t.area(),
                t.onlineOnly() ? "" : t.kilometres(),
                t.onlineOnly() ? "yes" : "no",
                t.requests(),
                t.schools(),
                String.join("; ", t.reasons())));
        return csv.toString();
    }
}
