package uk.encounters.benchmark.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.SchoolProfile;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.school.ColdSpot;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;

/**
 * One generated hub's schools, employers and active offers as the matcher's facts, indexed as the
 * hub lists them. Ids are unique across the hubs of an instance (schools keep their URN).
 */
final class MappedHub {

    final DemoHub hub;
    final List<School> schools = new ArrayList<>();
    final List<Employer> employers = new ArrayList<>();
    final Map<Integer, Offer> activeOffers = new LinkedHashMap<>();
    /** Bookings published or confirmed in the horizon, on active offers: pinned in the round. */
    final List<DemoHub.Booking> liveBookings = new ArrayList<>();

    MappedHub(DemoHub hub, Horizon horizon, LongSupplier ids, RandomGenerator random) {
        this.hub = hub;
        for (DemoHub.Employer employer : hub.employers()) {
            employers.add(new Employer(
                    ids.getAsLong(),
                    employer.name(),
                    new Location(employer.latitude(), employer.longitude()),
                    EmployerAsks.sessionCap(employer, horizon.weeks()),
                    EmployerAsks.recentAsks(employer, random)));
        }
        List<Volunteer> volunteers = new ArrayList<>();
        for (DemoHub.Volunteer volunteer : hub.volunteers()) {
            volunteers.add(new Volunteer(ids.getAsLong(), volunteer.name(), volunteer.safeguardingCheckedUntil()));
        }
        Map<Integer, List<Availability>> availability = new LinkedHashMap<>();
        for (DemoHub.Availability row : hub.availability()) {
            Period period = Period.fromCode(row.period());
            availability
                    .computeIfAbsent(row.offer(), o -> new ArrayList<>())
                    .add(
                            row.availableOn() != null
                                    ? Availability.on(row.availableOn(), period)
                                    : Availability.every(row.weekday(), period));
        }
        for (int o = 0; o < hub.offers().size(); o++) {
            DemoHub.Offer offer = hub.offers().get(o);
            if (offer.status() == OfferStatus.ACTIVE) {
                activeOffers.put(
                        o,
                        offer(
                                offer,
                                ids.getAsLong(),
                                employers.get(offer.employer()),
                                offer.volunteer() == null ? null : volunteers.get(offer.volunteer()),
                                availability.getOrDefault(o, List.of())));
            }
        }
        for (DemoHub.Booking booking : hub.bookings()) {
            Offer offer = activeOffers.get(booking.offer());
            // the demo books without checking safeguarding; such a booking would be re-brokered, not kept
            if (BookingStatus.AGREED.contains(booking.status())
                    && horizon.contains(booking.startsOn())
                    && offer != null
                    && (!booking.type().needsSafeguardingCheck() || offer.safeguardedOn(booking.endsOn()))) {
                liveBookings.add(booking);
            }
        }
        long[] budgetLeft = budgetLeft(hub);
        for (int s = 0; s < hub.schools().size(); s++) {
            schools.add(school(hub.schools().get(s), budgetLeft[s]));
        }
    }

    /**
     * What each school may spend on the round's paid sessions: this year's budgets less what is
     * spent and committed, plus the cost of its live bookings in the horizon. Those were committed
     * when booked, and the matcher counts their cost again as pinned sessions.
     */
    private long[] budgetLeft(DemoHub hub) {
        int startYear = AcademicYear.containing(hub.today()).startYear();
        long[] left = new long[hub.schools().size()];
        for (DemoHub.Budget budget : hub.budgets()) {
            if (budget.academicYear() == startYear) {
                left[budget.school()] +=
                        Math.max(0, budget.amountPence() - budget.committedPence() - budget.spentPence());
            }
        }
        for (DemoHub.Booking booking : liveBookings) {
            left[hub.requests().get(booking.request()).school()] +=
                    activeOffers.get(booking.offer()).costPencePerSession();
        }
        return left;
    }

    private static School school(SchoolProfile profile, long budgetLeftPence) {
        Integer decile = profile.deprivationDecile();
        return new School(
                profile.urn(),
                profile.name(),
                profile.located() ? new Location(profile.latitude(), profile.longitude()) : null,
                ColdSpot.is(decile),
                budgetLeftPence,
                School.DEFAULT_TRAVEL_LIMIT_KM);
    }

    private static Offer offer(
            DemoHub.Offer offer, long id, Employer employer, Volunteer volunteer, List<Availability> availability) {
        return new Offer(
                id,
                employer,
                volunteer,
                offer.type(),
                offer.title(),
                offer.sector(),
                Sectors.STEM.contains(offer.sector()),
                offer.yearGroupMin(),
                offer.yearGroupMax(),
                DeliveryMode.of(offer.inSchool(), offer.atWorkplace(), offer.online()),
                offer.pupilsMin(),
                offer.pupilsMax(),
                offer.places() == null ? 0 : offer.places(),
                offer.maxSessions(),
                offer.travelRadiusKm(),
                offer.costPerSessionPence() == null ? 0 : offer.costPerSessionPence(),
                offer.sendAdaptable(),
                offer.availableFrom(),
                offer.availableUntil(),
                availability,
                null,
                true);
    }

    /** The share of the hub's employers in STEM sectors. */
    double stemShare() {
        long stem = hub.employers().stream()
                .filter(e -> Sectors.STEM.contains(e.sector()))
                .count();
        return hub.employers().isEmpty() ? 0 : (double) stem / hub.employers().size();
    }
}
