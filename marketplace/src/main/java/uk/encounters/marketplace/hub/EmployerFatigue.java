package uk.encounters.marketplace.hub;

import static org.jooq.impl.DSL.count;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record4;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.round.ContactCap;
import uk.encounters.marketplace.round.EmployerLoad;
import uk.encounters.matcher.domain.Employer;

/**
 * How hard the hub has leaned on one employer lately and how it answered: asks in the last four
 * weeks against the asks a month it allows, and its declines, late cancellations and no-shows in
 * the last twelve weeks. The windows and the cap are the ones the next round applies
 * ({@link EmployerLoad#asOf}, {@link ContactCap}), so what this shows is what matching will do.
 *
 * @param asksLastFourWeeks published rounds in the last four weeks that asked it for something
 * @param asksLastTwelveWeeks the same over twelve weeks
 * @param declines          bookings it declined in good time, on days in the last twelve weeks
 * @param sessionsNextRound what the next round may ask of it: 0 none, {@link Employer#NO_CAP} no cap
 */
public record EmployerFatigue(
        long employerId,
        String name,
        String sizeBand,
        boolean cornerstone,
        int maxAsksPerMonth,
        int asksLastFourWeeks,
        int asksLastTwelveWeeks,
        int declines,
        int lateCancellations,
        int noShows,
        int sessionsNextRound) {

    /** Most asked first. */
    static final Comparator<EmployerFatigue> MOST_ASKED = Comparator.comparingInt(EmployerFatigue::asksLastFourWeeks)
            .reversed()
            .thenComparing(Comparator.comparingInt(EmployerFatigue::asksLastTwelveWeeks)
                    .reversed())
            .thenComparing(Comparator.comparingInt(EmployerFatigue::letDowns).reversed())
            .thenComparing(EmployerFatigue::name)
            .thenComparingLong(EmployerFatigue::employerId);

    /**
     * The hub's employers asked in the last twelve weeks, or that declined, cancelled late or did
     * not come in that time, most asked first; at most {@code limit}.
     */
    public static List<EmployerFatigue> forHub(DSLContext dsl, long hubId, LocalDate today, int limit) {
        LocalDate twelveWeeksAgo = today.minusDays(EmployerLoad.RELIABILITY_DAYS);
        EmployerLoad.Recent recent = EmployerLoad.asOf(dsl, hubId, today);
        Map<Long, Integer> asksLonger = EmployerLoad.asksSince(dsl, hubId, twelveWeeksAgo);
        var declined = count().filterWhere(BOOKING.STATUS
                .eq(BookingStatus.DECLINED)
                .and(BOOKING.DECLINED_BY.eq("employer"))
                .and(BOOKING.LATE_CANCELLATION.isFalse()));
        var late = count().filterWhere(BOOKING.LATE_CANCELLATION);
        var noShows = count().filterWhere(BOOKING.STATUS.eq(BookingStatus.NO_SHOW));
        // Every one of these is a declined or no-show booking (a late cancellation is a decline:
        // booking_late_cancellation_ck), found through the status index; starting
        // from the hub's employers instead looked up every offer of every one (20 ms for 2,364 employers).
        Map<Long, Record4<Long, Integer, Integer, Integer>> answers = dsl.select(
                        OFFER.EMPLOYER_ID, declined, late, noShows)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(OFFER.HUB_ID.eq(hubId))
                .and(BOOKING.STATUS.in(BookingStatus.DECLINED, BookingStatus.NO_SHOW))
                .and(BOOKING.STARTS_ON.ge(twelveWeeksAgo))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(OFFER.EMPLOYER_ID);
        Set<Long> concerned = new HashSet<>(asksLonger.keySet());
        concerned.addAll(answers.keySet());
        return dsl
                .select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH)
                .from(EMPLOYER)
                .join(EMPLOYER_HUB_PRESENCE)
                .on(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                .where(EMPLOYER.ID.in(concerned))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .fetch(r -> {
                    long id = r.get(EMPLOYER.ID);
                    String sizeBand = r.get(EMPLOYER.SIZE_BAND);
                    boolean cornerstone = r.get(EMPLOYER_HUB_PRESENCE.CORNERSTONE);
                    int maxAsksPerMonth = r.get(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH);
                    int asked = recent.asksOf(id);
                    var answered = answers.get(id);
                    return new EmployerFatigue(
                            id,
                            r.get(EMPLOYER.NAME),
                            sizeBand,
                            cornerstone,
                            maxAsksPerMonth,
                            asked,
                            asksLonger.getOrDefault(id, 0),
                            answered == null ? 0 : answered.get(declined),
                            answered == null ? 0 : answered.get(late),
                            answered == null ? 0 : answered.get(noShows),
                            recent.capOf(id, sizeBand, cornerstone, maxAsksPerMonth, asked));
                })
                .stream()
                .filter(e -> e.asksLastTwelveWeeks() > 0 || e.declines() > 0 || e.letDowns() > 0)
                .sorted(MOST_ASKED)
                .limit(limit)
                .toList();
    }

    public int letDowns() {
        return lateCancellations + noShows;
    }

    /** Asked as often in the last four weeks as it allows a month: the next round leaves it alone. */
    public boolean atCap() {
        return asksLastFourWeeks >= maxAsksPerMonth;
    }

    public boolean overCap() {
        return asksLastFourWeeks > maxAsksPerMonth;
    }

    /** What the next round may ask, in words. */
    public String nextRound() {
        if (sessionsNextRound == 0) {
            return maxAsksPerMonth == 0 ? "not to be asked for now" : "not asked (cap reached)";
        }
        if (sessionsNextRound == Employer.NO_CAP) {
            return "no cap (cornerstone)";
        }
        return "up to " + sessionsNextRound + (sessionsNextRound == 1 ? " session" : " sessions")
                + (letDowns() >= ContactCap.UNRELIABLE_AFTER ? " (let schools down lately)" : "");
    }
}
