package uk.encounters.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Booking;
import uk.encounters.demo.DemoHub.BookingPupil;
import uk.encounters.demo.DemoHub.Employer;
import uk.encounters.demo.DemoHub.Encounter;
import uk.encounters.demo.DemoHub.Offer;
import uk.encounters.demo.DemoHub.Request;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.WorkplaceHours;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * A handful of bookings made through the marketplace this year, so the demo has something on
 * every screen: some already delivered (with attendance: most chosen pupils came, a few did not)
 * and some coming up, published or confirmed, with their pupils chosen. Each has the request it
 * answered. A volunteer never has two of them on one day, so the database's one-place-at-a-time
 * rule holds whatever the periods.
 */
final class BookingGenerator {

    static final int DELIVERED = 5;
    static final int UPCOMING = 5;

    record Result(
            List<Request> requests,
            List<Booking> bookings,
            List<BookingPupil> bookingPupils,
            List<Encounter> encounters) {}

    private static final Set<EncounterType> BOOKABLE = Set.of(
            EncounterType.CAREERS_TALK,
            EncounterType.MOCK_INTERVIEWS,
            EncounterType.WORKPLACE_VISIT,
            EncounterType.ENTERPRISE_CHALLENGE);

    private final HubProfile hub;
    private final LocalDate today;
    private final AcademicYear year;
    private final RandomGenerator random;

    BookingGenerator(HubProfile hub, Seed seed, LocalDate today) {
        this.hub = hub;
        this.today = today;
        this.year = AcademicYear.containing(today);
        this.random = seed.random("hub/" + hub.name() + "/bookings");
    }

    /** @param firstRequest the index the first request made here will have in the hub's request list */
    Result generate(List<Employer> employers, List<Offer> offers, int firstRequest) {
        List<Integer> candidates = new ArrayList<>();
        for (int o = 0; o < offers.size(); o++) {
            Offer offer = offers.get(o);
            if (offer.status() == OfferStatus.ACTIVE && offer.volunteer() != null && BOOKABLE.contains(offer.type())) {
                candidates.add(o);
            }
        }
        Collections.shuffle(candidates, random);
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Set<String> volunteerDays = new HashSet<>();
        List<BookingStatus> statuses = new ArrayList<>();
        for (int i = 0; i < DELIVERED; i++) {
            statuses.add(BookingStatus.DELIVERED);
        }
        for (int i = 0; i < UPCOMING; i++) {
            statuses.add(i < 3 ? BookingStatus.PUBLISHED : BookingStatus.CONFIRMED);
        }
        int next = 0;
        for (BookingStatus status : statuses) {
            while (next < candidates.size()) {
                int offer = candidates.get(next++);
                if (book(
                        offer,
                        offers.get(offer),
                        employers.get(offers.get(offer).employer()),
                        status,
                        firstRequest,
                        volunteerDays,
                        result)) {
                    break;
                }
            }
        }
        return result;
    }

    private boolean book(
            int offerIndex,
            Offer offer,
            Employer employer,
            BookingStatus status,
            int firstRequest,
            Set<String> volunteerDays,
            Result result) {
        boolean delivered = status == BookingStatus.DELIVERED;
        LocalDate day = delivered
                ? year.randomSchoolDay(
                        random, later(offer.availableFrom(), year.firstTeachingDay()), today.minusDays(1))
                : year.randomSchoolDay(
                        random,
                        later(offer.availableFrom(), today.plusDays(3)),
                        earlier(offer.availableUntil(), today.plusDays(28)));
        if (day == null || !volunteerDays.add(offer.volunteer() + "/" + day)) {
            return false;
        }
        int schoolIndex = nearbySchool(employer, offer);
        if (schoolIndex < 0) {
            return false;
        }
        SchoolProfile school = hub.schools().get(schoolIndex);
        List<Integer> yearGroups = new ArrayList<>();
        for (int y = offer.yearGroupMin(); y <= offer.yearGroupMax(); y++) {
            if (school.pupilsIn(y) >= Math.max(offer.pupilsMin(), 5)) {
                yearGroups.add(y);
            }
        }
        int yearGroup = EmployerNames.pick(yearGroups, random);
        int cap = switch (offer.type()) {
            case CAREERS_TALK -> 30;
            case MOCK_INTERVIEWS -> 15;
            default -> 25;
        };
        int pupils =
                Math.max(offer.pupilsMin(), Math.min(cap, Math.min(offer.pupilsMax(), school.pupilsIn(yearGroup))));
        String period = offer.type() == EncounterType.WORKPLACE_VISIT || random.nextBoolean() ? "morning" : "afternoon";

        int request = firstRequest + result.requests().size();
        result.requests()
                .add(new Request(
                        schoolIndex,
                        yearGroup,
                        offer.type(),
                        pupils,
                        1,
                        AcademicYear.schoolDayOnOrBefore(day.minusDays(7)),
                        AcademicYear.schoolDayOnOrAfter(day.plusDays(7)),
                        true,
                        true,
                        offer.inSchool(),
                        offer.atWorkplace(),
                        offer.online(),
                        null,
                        null,
                        delivered ? RequestStatus.CLOSED : RequestStatus.MATCHED));
        int booking = result.bookings().size();
        List<Integer> chosen = choosePupils(school, yearGroup, pupils);
        result.bookings()
                .add(new Booking(
                        request,
                        offerIndex,
                        offer.type(),
                        offer.volunteer(),
                        day,
                        day,
                        period,
                        chosen.size(),
                        status,
                        true));
        for (int sequence : chosen) {
            result.bookingPupils().add(new BookingPupil(booking, schoolIndex, sequence));
            if (delivered) {
                // a chosen pupil who was absent had no encounter, but the row records that they were expected
                boolean came = random.nextDouble() < 0.9;
                // the usual hours: the demo's workplace offers are all at the workplace, none online
                Hours hours =
                        came && offer.type().workplaceExperience() ? WorkplaceHours.forBooking(day, day, period) : null;
                result.encounters()
                        .add(new Encounter(schoolIndex, sequence, booking, offer.type(), day, came, null, hours));
            }
        }
        return true;
    }

    /** One of the six mainstream schools nearest the employer with a year group the offer suits. */
    private int nearbySchool(Employer employer, Offer offer) {
        List<Integer> suitable = new ArrayList<>();
        for (int s = 0; s < hub.schools().size(); s++) {
            SchoolProfile school = hub.schools().get(s);
            if (!school.located() || school.specialOrAlternative()) {
                continue;
            }
            for (int y = offer.yearGroupMin(); y <= offer.yearGroupMax(); y++) {
                if (school.pupilsIn(y) >= Math.max(offer.pupilsMin(), 5)) {
                    suitable.add(s);
                    break;
                }
            }
        }
        if (suitable.isEmpty()) {
            return -1;
        }
        suitable.sort(Comparator.comparingDouble(
                s -> squaredDistance(employer, hub.schools().get(s))));
        return suitable.get(random.nextInt(Math.min(6, suitable.size())));
    }

    private static double squaredDistance(Employer employer, SchoolProfile school) {
        double dLat = employer.latitude() - school.latitude();
        double dLon = (employer.longitude() - school.longitude()) * Math.cos(Math.toRadians(school.latitude()));
        return dLat * dLat + dLon * dLon;
    }

    /** {@code count} different pupils of the year group, by their sequence on the school's roll. */
    private List<Integer> choosePupils(SchoolProfile school, int yearGroup, int count) {
        int first = PupilRoll.firstSequence(school, yearGroup);
        List<Integer> cohort = new ArrayList<>();
        for (int i = 0; i < school.pupilsIn(yearGroup); i++) {
            cohort.add(first + i);
        }
        Collections.shuffle(cohort, random);
        List<Integer> chosen = new ArrayList<>(cohort.subList(0, Math.min(count, cohort.size())));
        Collections.sort(chosen);
        return chosen;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
