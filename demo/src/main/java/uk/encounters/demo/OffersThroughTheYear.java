package uk.encounters.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Availability;
import uk.encounters.demo.DemoHub.Offer;
import uk.encounters.demo.DemoHub.Volunteer;

/**
 * Offers employers post during a school year, after the ones they made at its start: a new
 * volunteer, a first offer used up, a firm asked to do more. Each week a few of the hub's
 * employers, drawn at random, post one more offer, shaped as the demo's offers are and available
 * from that week; over the year about {@code reofferShare} of the employers post one. Drawn from
 * streams of their own, so the demo's data stays as it is.
 */
public final class OffersThroughTheYear {

    /**
     * An offer posted in a week, naming its employer and volunteer by their place in the hub's lists.
     *
     * @param availability its dates and weekdays (their {@code offer} field is meaningless here)
     */
    public record Posted(int employer, Integer volunteer, Offer offer, List<Availability> availability) {}

    private OffersThroughTheYear() {}

    /**
     * @param postingDays the day each played week's offers are posted
     * @param yearWeeks   the school weeks of the whole year, over which the re-offers spread
     */
    public static List<List<Posted>> draw(
            DemoHub hub, long seed, List<LocalDate> postingDays, int yearWeeks, double reofferShare) {
        Seed streams = new Seed(seed);
        RandomGenerator who = streams.random("hub/" + hub.profile().name() + "/offers/through-the-year");
        double perWeek = reofferShare * hub.employers().size() / yearWeeks;
        double owed = 0;
        List<List<Posted>> weeks = new ArrayList<>();
        for (int week = 0; week < postingDays.size(); week++) {
            List<Posted> posted = new ArrayList<>();
            owed += perWeek;
            for (; owed >= 1 && !hub.employers().isEmpty(); owed--) {
                int employer = who.nextInt(hub.employers().size());
                OfferGenerator generator = new OfferGenerator(
                        streams.random("hub/" + hub.profile().name() + "/offers/through-the-year/" + week + "/"
                                + posted.size()),
                        postingDays.get(week));
                posted.add(oneOffer(hub, employer, generator));
            }
            weeks.add(List.copyOf(posted));
        }
        return weeks;
    }

    /**
     * {@code count} more offers posted on {@code day} by employers drawn at random, shaped as the
     * demo's offers are: more supply than the hub has, for measuring what supply changes.
     */
    public static List<Posted> more(DemoHub hub, long seed, LocalDate day, int count) {
        Seed streams = new Seed(seed);
        RandomGenerator who = streams.random("hub/" + hub.profile().name() + "/offers/more");
        List<Posted> posted = new ArrayList<>();
        for (int n = 0; n < count && !hub.employers().isEmpty(); n++) {
            int employer = who.nextInt(hub.employers().size());
            posted.add(oneOffer(
                    hub,
                    employer,
                    new OfferGenerator(streams.random("hub/" + hub.profile().name() + "/offers/more/" + n), day)));
        }
        return posted;
    }

    /** The first offer the generator makes for this employer alone, named back in the hub's lists. */
    private static Posted oneOffer(DemoHub hub, int employer, OfferGenerator generator) {
        List<Integer> ownVolunteers = new ArrayList<>();
        List<Volunteer> volunteers = new ArrayList<>();
        for (int v = 0; v < hub.volunteers().size(); v++) {
            Volunteer volunteer = hub.volunteers().get(v);
            if (volunteer.employer() == employer) {
                ownVolunteers.add(v);
                volunteers.add(
                        new Volunteer(0, volunteer.name(), volunteer.email(), volunteer.safeguardingCheckedUntil()));
            }
        }
        OfferGenerator.Result result =
                generator.generate(List.of(hub.employers().get(employer)), volunteers);
        Offer offer = result.offers().getFirst();
        Integer volunteer = offer.volunteer() == null ? null : ownVolunteers.get(offer.volunteer());
        List<Availability> availability =
                result.availability().stream().filter(a -> a.offer() == 0).toList();
        return new Posted(employer, volunteer, offer, availability);
    }
}
