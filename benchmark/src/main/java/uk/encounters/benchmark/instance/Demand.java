package uk.encounters.benchmark.instance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.RequestGenerator;
import uk.encounters.demo.Seed;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What a hub's schools ask of a round: the open requests already posted for the horizon, and
 * more posted week by week, each school as often as its size makes it (a school of 1,500 pupils
 * asks about twice as often as one of 750), with the demo's type mix and group sizes.
 *
 * <p>Schools want more than employers can give (DOMAIN.md, "Scale": Derby alone needs about 550
 * pupil-encounters a week for one each a year, and schools ask for more than one), so requests
 * are posted until the sessions asked for reach {@value #DEMAND_OVER_SUPPLY} times what the offers
 * could give at most ({@link Supply}). The matcher's job is then to choose, which is what the
 * benchmark is for; with supply to spare every method would place everything.
 */
final class Demand {

    static final double DEMAND_OVER_SUPPLY = 1.5;

    /** The requests, and the week-by-week figures they came to. */
    record Drawn(List<DemoHub.Request> requests, long sessions, long pupilPlaces, long supplySessions) {}

    private Demand() {}

    /** @param types what the round plans: requests of other types are not posted to it */
    static Drawn draw(DemoHub hub, Horizon horizon, long seed, long supplySessions, Set<EncounterType> types) {
        List<DemoHub.Request> requests = new ArrayList<>();
        long sessions = 0;
        for (DemoHub.Request request : hub.requests()) {
            if (request.status() == RequestStatus.OPEN
                    && types.contains(request.type())
                    && horizon.overlaps(request.windowStart(), request.windowEnd())) {
                requests.add(request);
                sessions += sessions(request);
            }
        }
        long target = Math.round(DEMAND_OVER_SUPPLY * supplySessions);
        long perWeek = Math.max(0, (target - sessions + horizon.weeks() - 1) / horizon.weeks());
        RequestGenerator generator = RequestGenerator.drawing(hub.profile(), new Seed(seed), "benchmark", hub.today());
        RandomGenerator random = new Seed(seed).random("hub/" + hub.profile().name() + "/benchmark/posting");
        for (LocalDate monday : hub.schools().isEmpty() ? List.<LocalDate>of() : horizon.mondays()) {
            long week = 0;
            // a bounded number of tries: a hub whose schools ask for nothing in range must not spin
            for (int attempt = 0; week < perWeek && attempt < 50 * (perWeek + 1); attempt++) {
                int school = generator.schoolByRoll(random);
                DemoHub.Request request = generator.postedInWeekOf(school, monday, horizon.end());
                if (request != null
                        && types.contains(request.type())
                        && horizon.overlaps(request.windowStart(), request.windowEnd())) {
                    requests.add(request);
                    week += sessions(request);
                }
            }
            sessions += week;
        }
        long pupilPlaces = requests.stream()
                .mapToLong(r -> (long) sessions(r) * pupilsPerSession(r))
                .sum();
        return new Drawn(requests, sessions, pupilPlaces, supplySessions);
    }

    /** Sessions to match: one per place for work experience, as the matcher counts them. */
    static int sessions(DemoHub.Request request) {
        return request.type() == EncounterType.WORK_EXPERIENCE ? request.pupils() : request.sessions();
    }

    private static int pupilsPerSession(DemoHub.Request request) {
        return request.type() == EncounterType.WORK_EXPERIENCE ? 1 : request.pupils();
    }
}
