package uk.encounters.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.demo.DemoHub.Request;

/**
 * Makes a whole hub from its profile, deterministically: the same profile, seed and day give the
 * same rows. Every part draws from its own random stream, so adding an offer type, say, does not
 * reshuffle the pupils.
 */
public final class HubGenerator {

    private final Seed seed;
    private final LocalDate today;

    public HubGenerator(long seed, LocalDate today) {
        this.seed = new Seed(seed);
        this.today = today;
    }

    public DemoHub generate(HubProfile hub) {
        EmployerGenerator.Result employers = new EmployerGenerator(hub, seed, today).generate();
        OfferGenerator.Result offers =
                new OfferGenerator(hub, seed, today).generate(employers.employers(), employers.volunteers());
        List<Request> requests = new ArrayList<>(new RequestGenerator(hub, seed, today).generate());
        BookingGenerator.Result bookings = new BookingGenerator(hub, seed, today)
                .generate(employers.employers(), offers.offers(), requests.size());
        requests.addAll(bookings.requests());
        return new DemoHub(
                hub,
                today,
                new BudgetGenerator(hub, seed, today).generate(),
                employers.employers(),
                employers.volunteers(),
                offers.offers(),
                offers.availability(),
                List.copyOf(requests),
                bookings.bookings(),
                bookings.bookingPupils(),
                bookings.encounters(),
                new PupilRoll(seed, today, hub.schools()));
    }
}
