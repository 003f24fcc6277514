package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.offer.Sectors;

/**
 * Which employers have come to each cohort this academic year before a date, their sectors, and
 * whether one was a STEM employer: bookings delivered or still live. History typed in from before the
 * marketplace names no employer, so it does not count here.
 */
final class CohortHistory {

    private final Map<String, Set<Long>> employers = new HashMap<>();
    private final Map<String, Set<String>> sectors = new HashMap<>();
    private final Set<String> stem = new HashSet<>();

    private CohortHistory() {}

    static CohortHistory before(DSLContext dsl, long hubId, LocalDate day) {
        CohortHistory history = new CohortHistory();
        dsl.select(REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP, OFFER.EMPLOYER_ID, OFFER.SECTOR)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(BOOKING.STATUS.in(BookingStatus.HELD))
                .and(BOOKING.STARTS_ON.between(AcademicYear.containing(day).firstDay(), day.minusDays(1)))
                .forEach(r -> {
                    String cohort = key(r.get(REQUEST.SCHOOL_ID), r.get(REQUEST.YEAR_GROUP));
                    history.employers
                            .computeIfAbsent(cohort, k -> new HashSet<>())
                            .add(r.get(OFFER.EMPLOYER_ID));
                    history.sectors
                            .computeIfAbsent(cohort, k -> new HashSet<>())
                            .add(r.get(OFFER.SECTOR));
                    if (Sectors.STEM.contains(r.get(OFFER.SECTOR))) {
                        history.stem.add(cohort);
                    }
                });
        return history;
    }

    Set<Long> employers(long schoolId, int yearGroup) {
        return employers.getOrDefault(key(schoolId, yearGroup), Set.of());
    }

    Set<String> sectors(long schoolId, int yearGroup) {
        return sectors.getOrDefault(key(schoolId, yearGroup), Set.of());
    }

    boolean stem(long schoolId, int yearGroup) {
        return stem.contains(key(schoolId, yearGroup));
    }

    private static String key(long schoolId, int yearGroup) {
        return schoolId + "/" + yearGroup;
    }
}
