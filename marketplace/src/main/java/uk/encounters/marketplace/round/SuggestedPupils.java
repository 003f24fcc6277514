package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Whom a round's bookings reach: for a booking whose pupils are chosen, those pupils; otherwise
 * the pupils its school will be offered (the pupil-value rule's suggestion, as
 * {@code SchoolBookingRepository.candidates} makes it), each school's bookings taking their pupils in date
 * order so one booking's pupils are not counted again for the next.
 */
final class SuggestedPupils {

    /**
     * @param withoutOne    pupils with no encounter this year, nor one booked before this booking
     * @param disadvantaged disadvantaged pupils among those the booking reaches
     */
    record Reach(int withoutOne, int disadvantaged) {}

    /** A booking as this needs it. */
    record Place(long bookingId, long schoolId, int yearGroup, EncounterType type, int pupils, LocalDate startsOn) {}

    private SuggestedPupils() {}

    static Map<Long, Reach> of(DSLContext dsl, long hubId, List<Place> bookings, LocalDate today) {
        PupilValueWeights weights = new PupilValueSettings(dsl).forHub(hubId);
        Map<String, List<PupilProgress>> byCohort = new HashMap<>();
        new ProgressRepository(dsl)
                .forCohorts(
                        bookings.stream().map(Place::schoolId).collect(java.util.stream.Collectors.toSet()),
                        bookings.stream().map(Place::yearGroup).collect(java.util.stream.Collectors.toSet()),
                        today)
                .forEach((schoolId, pupils) -> pupils.forEach(
                        p -> byCohort.computeIfAbsent(cohort(schoolId, p.yearGroup()), k -> new ArrayList<>())
                                .add(p)));
        Map<Long, List<Long>> chosen = new HashMap<>();
        dsl.select(BOOKING_PUPIL.BOOKING_ID, BOOKING_PUPIL.PUPIL_ID)
                .from(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.BOOKING_ID.in(
                        bookings.stream().map(Place::bookingId).toList()))
                .forEach(r -> chosen.computeIfAbsent(r.get(BOOKING_PUPIL.BOOKING_ID), b -> new ArrayList<>())
                        .add(r.get(BOOKING_PUPIL.PUPIL_ID)));
        List<Place> inDateOrder = new ArrayList<>(bookings);
        inDateOrder.sort(Comparator.comparing(Place::startsOn).thenComparingLong(Place::bookingId));
        Map<String, Set<Long>> takenByCohort = new HashMap<>();
        Map<Long, Reach> reach = new HashMap<>();
        for (Place booking : inDateOrder) {
            String key = cohort(booking.schoolId(), booking.yearGroup());
            List<PupilProgress> cohort = byCohort.getOrDefault(key, List.of());
            Set<Long> taken = takenByCohort.computeIfAbsent(key, k -> new HashSet<>());
            List<PupilProgress> going = going(cohort, chosen.get(booking.bookingId()), booking, taken, weights);
            int withoutOne = 0, disadvantaged = 0;
            for (PupilProgress pupil : going) {
                boolean bookedElsewhere = taken.contains(pupil.pupilId())
                        || (pupil.bookedThisYear() && !chosen.containsKey(booking.bookingId()));
                withoutOne += !pupil.hadEncounterThisYear() && !bookedElsewhere ? 1 : 0;
                disadvantaged += pupil.disadvantaged() ? 1 : 0;
            }
            going.forEach(p -> taken.add(p.pupilId()));
            reach.put(booking.bookingId(), new Reach(withoutOne, disadvantaged));
        }
        return reach;
    }

    private static String cohort(long schoolId, int yearGroup) {
        return schoolId + "/" + yearGroup;
    }

    /** The chosen pupils, or the first the school would be offered: a pupil taken already counts their next-but-one. */
    private static List<PupilProgress> going(
            List<PupilProgress> cohort, List<Long> chosen, Place booking, Set<Long> taken, PupilValueWeights weights) {
        if (chosen != null) {
            Set<Long> ids = Set.copyOf(chosen);
            return cohort.stream().filter(p -> ids.contains(p.pupilId())).toList();
        }
        Comparator<PupilProgress> mostToGain = Comparator.comparingDouble(
                        (PupilProgress p) -> -(taken.contains(p.pupilId())
                                ? p.valueOfEncounter(weights, 1)
                                : p.valueOfNext(weights, booking.type())))
                .thenComparing(PupilProgress.mostToGainFirst(weights, booking.type()));
        return cohort.stream().sorted(mostToGain).limit(booking.pupils()).toList();
    }
}
