package uk.encounters.benchmark.instance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;
import uk.encounters.demo.DemoHub;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.Sectors;

/**
 * What the hub's bookings so far mean for its pupils and cohorts: attendance at delivered ones,
 * pupils chosen for live ones coming up, and which employers (STEM or not, of which sectors) came to
 * which cohort.
 * Pupils and cohorts are keyed by school index with sequence number or year group.
 */
final class HubBookings {

    private final Map<Long, int[]> attendedByPupil = new HashMap<>();
    private final Set<Long> bookedPupils = new HashSet<>();
    private final Map<Long, Set<Long>> employersByCohort = new HashMap<>();
    private final Set<Long> cohortsWithStem = new HashSet<>();
    private final Map<Long, Set<String>> sectorsByCohort = new HashMap<>();

    /** @param employerId the matcher's id of the hub's employer number {@code i} */
    HubBookings(DemoHub hub, IntToLongFunction employerId) {
        for (DemoHub.Encounter encounter : hub.bookingEncounters()) {
            if (encounter.attended()) {
                int[] counts = attendedByPupil.computeIfAbsent(
                        key(encounter.school(), encounter.pupilSequence()), k -> new int[2]);
                counts[0]++;
                counts[1] += encounter.type().workplaceExperience() ? 1 : 0;
            }
        }
        for (DemoHub.BookingPupil chosen : hub.bookingPupils()) {
            if (BookingStatus.AGREED.contains(
                    hub.bookings().get(chosen.booking()).status())) {
                bookedPupils.add(key(chosen.school(), chosen.pupilSequence()));
            }
        }
        for (DemoHub.Booking booking : hub.bookings()) {
            if (booking.status() != BookingStatus.DELIVERED) {
                continue;
            }
            DemoHub.Request request = hub.requests().get(booking.request());
            DemoHub.Offer offer = hub.offers().get(booking.offer());
            long cohort = key(request.school(), request.yearGroup());
            employersByCohort
                    .computeIfAbsent(cohort, k -> new HashSet<>())
                    .add(employerId.applyAsLong(offer.employer()));
            if (Sectors.STEM.contains(offer.sector())) {
                cohortsWithStem.add(cohort);
            }
            sectorsByCohort.computeIfAbsent(cohort, k -> new HashSet<>()).add(offer.sector());
        }
    }

    private static long key(int school, int number) {
        return ((long) school << 32) | number;
    }

    /** Attended booking encounters this year: all of them, then the workplace experiences among them. */
    int[] attended(int school, int pupilSequence) {
        return attendedByPupil.getOrDefault(key(school, pupilSequence), new int[2]);
    }

    boolean booked(int school, int pupilSequence) {
        return bookedPupils.contains(key(school, pupilSequence));
    }

    Set<Long> employersThisYear(int school, int yearGroup) {
        return employersByCohort.getOrDefault(key(school, yearGroup), Set.of());
    }

    Set<String> sectorsThisYear(int school, int yearGroup) {
        return sectorsByCohort.getOrDefault(key(school, yearGroup), Set.of());
    }

    boolean stemThisYear(int school, int yearGroup) {
        return cohortsWithStem.contains(key(school, yearGroup));
    }
}
