package uk.encounters.marketplace.round;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What a round has to work with: the sessions still wanted by open requests in the horizon
 * against the active offers that could give them, by encounter type, sector, year group and
 * area (postcode district). It shows the coordinator where matching cannot succeed before it runs.
 */
public final class RoundMarket {

    static final String ANY_SECTOR = "Any sector";
    static final String NO_POSTCODE = "No postcode";

    /** One row of a breakdown: sessions wanted and offers (and the sessions they offer) that could meet them. */
    public record Line(String label, int requests, int sessionsWanted, int offers, int sessionsOffered) {

        /** Fewer sessions offered than wanted: where recruiting would help. */
        public boolean undersupplied() {
            return sessionsOffered < sessionsWanted;
        }
    }

    public record Overview(
            int requests,
            int sessionsWanted,
            int offers,
            int sessionsOffered,
            List<Line> byType,
            List<Line> bySector,
            List<Line> byYearGroup,
            List<Line> byArea) {}

    private record Wanted(EncounterType type, int yearGroup, List<String> sectors, String district, int sessions) {}

    private record Offered(
            EncounterType type, int yearGroupMin, int yearGroupMax, String sector, String district, int sessions) {}

    private final DSLContext dsl;

    public RoundMarket(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the hub's round has to work with in {@code horizon}. */
    public Overview overview(long hubId, Horizon horizon, LocalDate today) {
        return of(dsl, hubId, horizon, today);
    }

    public static Overview of(DSLContext dsl, long hubId, Horizon horizon, LocalDate today) {
        List<Wanted> wanted = wanted(dsl, hubId, horizon, today);
        List<Offered> offered = offered(dsl, hubId, horizon);
        // any offer meets a request with no sector preference
        boolean anySectorWanted = wanted.stream().anyMatch(w -> w.sectors().isEmpty());
        return new Overview(
                wanted.size(),
                wanted.stream().mapToInt(Wanted::sessions).sum(),
                offered.size(),
                offered.stream().mapToInt(Offered::sessions).sum(),
                breakdown(
                        wanted,
                        offered,
                        w -> List.of(w.type().label()),
                        o -> List.of(o.type().label())),
                breakdown(
                        wanted,
                        offered,
                        w -> w.sectors().isEmpty() ? List.of(ANY_SECTOR) : w.sectors(),
                        o -> anySectorWanted ? List.of(o.sector(), ANY_SECTOR) : List.of(o.sector())),
                yearGroups(wanted, offered),
                breakdown(wanted, offered, w -> List.of(w.district()), o -> List.of(o.district())));
    }

    /**
     * Rows for every label either side names, busiest demand first. A request preferring several
     * sectors counts under each of them, so the sector rows can add up to more than the total.
     */
    private static List<Line> breakdown(
            List<Wanted> wanted,
            List<Offered> offered,
            Function<Wanted, List<String>> wantedLabels,
            Function<Offered, List<String>> offeredLabels) {
        Map<String, int[]> rows = new TreeMap<>();
        for (Wanted w : wanted) {
            for (String label : wantedLabels.apply(w)) {
                int[] row = rows.computeIfAbsent(label, l -> new int[4]);
                row[0]++;
                row[1] += w.sessions();
            }
        }
        for (Offered o : offered) {
            for (String label : offeredLabels.apply(o)) {
                int[] row = rows.computeIfAbsent(label, l -> new int[4]);
                row[2]++;
                row[3] += o.sessions();
            }
        }
        List<Line> lines = new ArrayList<>();
        rows.forEach((label, r) -> lines.add(new Line(label, r[0], r[1], r[2], r[3])));
        lines.sort(Comparator.comparingInt(Line::sessionsWanted).reversed().thenComparing(Line::label));
        return lines;
    }

    /** Year groups 7 to 13 in order; an offer counts for every year group it takes. */
    private static List<Line> yearGroups(List<Wanted> wanted, List<Offered> offered) {
        List<Line> lines = new ArrayList<>();
        for (int year = 7; year <= 13; year++) {
            int y = year;
            List<Wanted> w = wanted.stream().filter(r -> r.yearGroup() == y).toList();
            List<Offered> o = offered.stream()
                    .filter(r -> r.yearGroupMin() <= y && y <= r.yearGroupMax())
                    .toList();
            lines.add(new Line(
                    "Year " + y,
                    w.size(),
                    w.stream().mapToInt(Wanted::sessions).sum(),
                    o.size(),
                    o.stream().mapToInt(Offered::sessions).sum()));
        }
        return lines;
    }

    /** Open requests meeting the horizon, as {@link RoundProblem} plans them, less what bookings already give them. */
    private static List<Wanted> wanted(DSLContext dsl, long hubId, Horizon horizon, LocalDate today) {
        Field<Integer> held = field(
                select(coalesce(sum(RoundProblem.BOOKING_UNITS), inline(0)).cast(Integer.class))
                        .from(BOOKING)
                        .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                        .and(BOOKING.STATUS.in(BookingStatus.HELD)));
        return dsl
                .select(
                        REQUEST.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        REQUEST.YEAR_GROUP,
                        REQUEST.PREFERRED_SECTORS.convertFrom(RequestRepository::preferredSectors),
                        district(SCHOOL.POSTCODE),
                        RoundProblem.REQUEST_UNITS,
                        held)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(RoundProblem.openInHorizon(horizon, today))
                .fetch(mapping((type, yearGroup, sectors, district, units, heldUnits) ->
                        new Wanted(type, yearGroup, sectors, district, Math.max(0, units - heldUnits))))
                .stream()
                .filter(w -> w.sessions() > 0)
                .toList();
    }

    /** Active offers of the hub's employers open in the horizon; a work-experience offer offers its places. */
    private static List<Offered> offered(DSLContext dsl, long hubId, Horizon horizon) {
        Field<Integer> sessions = when(
                        OFFER.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()),
                        coalesce(OFFER.PLACES, inline(0)))
                .otherwise(OFFER.MAX_SESSIONS);
        return dsl.select(
                        OFFER.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        OFFER.YEAR_GROUP_MIN.convertFrom(Short::intValue),
                        OFFER.YEAR_GROUP_MAX.convertFrom(Short::intValue),
                        OFFER.SECTOR,
                        district(EMPLOYER.POSTCODE),
                        sessions)
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(OFFER.HUB_ID.eq(hubId))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .and(OFFER.STATUS.eq(OfferStatus.ACTIVE))
                .and(OFFER.AVAILABLE_UNTIL.ge(horizon.start()))
                .and(OFFER.AVAILABLE_FROM.le(horizon.end()))
                .fetch(mapping(Offered::new));
    }

    /** The postcode's district ("DE23"), as {@link PostcodeDistrict} reads it everywhere else. */
    private static Field<String> district(Field<String> postcode) {
        return postcode.convertFrom(p -> p == null || p.isBlank() ? NO_POSTCODE : PostcodeDistrict.of(p));
    }
}
