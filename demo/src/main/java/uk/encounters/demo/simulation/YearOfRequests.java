package uk.encounters.demo.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.HubProfile;
import uk.encounters.demo.RequestGenerator;
import uk.encounters.demo.Seed;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What the hub's schools post over the year, drawn once before play so that both brokers face the
 * very same requests in the same weeks. Each week the schools post about the same number of pupil
 * places, each school in proportion to its roll, until the year's places reach
 * {@link Behaviour#placesPerPupil()} per pupil; a request is drawn as the demo's requests are
 * ({@link RequestGenerator#postedInWeekOf}), for a window starting up to three weeks after it is
 * posted (careers leaders plan a little ahead).
 */
final class YearOfRequests {

    private static final int MOST_WEEKS_AHEAD = 3;

    private YearOfRequests() {}

    /**
     * @param mondays    the school weeks of the whole year; week k's requests are posted before its Monday
     * @param weeks      how many of them are played
     * @return for each played week, the requests posted that week, in posting order
     */
    static List<List<DemoHub.Request>> draw(
            HubProfile hub, long seed, List<LocalDate> mondays, int weeks, double placesPerPupil) {
        LocalDate firstDay = mondays.getFirst().minusDays(3);
        RequestGenerator generator = RequestGenerator.drawing(hub, new Seed(seed), "simulation", firstDay);
        RandomGenerator random = new Seed(seed).random("hub/" + hub.name() + "/simulation/posting");
        LocalDate lastDay = AcademicYear.containing(firstDay).lastTeachingDay();
        double perWeek = placesPerPupil * hub.pupils() / mondays.size();
        List<List<DemoHub.Request>> year = new ArrayList<>();
        double owed = 0;
        for (int week = 0; week < weeks; week++) {
            List<DemoHub.Request> posted = new ArrayList<>();
            owed += perWeek;
            // a bounded number of tries: a hub whose schools ask for nothing must not spin
            for (int attempt = 0; owed > 0 && !hub.schools().isEmpty() && attempt < 200; attempt++) {
                int ahead = Math.min(mondays.size() - 1, week + random.nextInt(MOST_WEEKS_AHEAD + 1));
                int school = generator.schoolByRoll(random);
                DemoHub.Request request = generator.postedInWeekOf(school, mondays.get(ahead), lastDay);
                if (request != null) {
                    posted.add(request);
                    owed -= places(request);
                }
            }
            year.add(List.copyOf(posted));
        }
        return year;
    }

    /** Pupil places a request asks for: pupils times sessions, or a placement's places. */
    static int places(DemoHub.Request request) {
        return request.type() == EncounterType.WORK_EXPERIENCE
                ? request.pupils()
                : request.pupils() * request.sessions();
    }
}
