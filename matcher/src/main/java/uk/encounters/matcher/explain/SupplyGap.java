package uk.encounters.matcher.explain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Request;

/**
 * For a request no slot suits: the first of its requirements that no offer in the round meets,
 * checked in the order a coordinator would look (type, year group, dates, time of day, group
 * size, distance), so the words point at what to recruit.
 */
final class SupplyGap {

    private SupplyGap() {}

    static String of(Request request, MatchingProblem problem) {
        String what = request.type().label().toLowerCase(Locale.UK);
        // an event's stalls are asked of the employers offering its kind of encounter, for its year groups
        String years = request.event()
                ? yearGroups(request)
                : "Year " + request.cohort().yearGroup();
        List<Offer> ofType =
                problem.offers().stream().filter(o -> request.metBy(o.type())).toList();
        if (ofType.isEmpty()) {
            return "No offer of a " + what + " in the hub this round";
        }
        Set<Offer> forYear = new HashSet<>(ofType.stream()
                .filter(o -> request.yearGroupsWithin(o.yearGroupMin(), o.yearGroupMax()))
                .toList());
        if (forYear.isEmpty()) {
            return "No " + what + " offered for " + years;
        }
        List<OfferSlot> slots = problem.slots().stream()
                .filter(s -> forYear.contains(s.offer()))
                .filter(s -> !s.startsOn().isBefore(request.windowStart())
                        && !s.startsOn().isAfter(request.windowEnd()))
                .toList();
        if (slots.isEmpty()) {
            return request.event()
                    ? "No " + what + " for " + years + " available on the event's day, "
                            + DateStyle.of(request.windowStart())
                    : "No " + what + " for " + years + " available between " + DateStyle.of(request.windowStart())
                            + " and " + DateStyle.of(request.windowEnd());
        }
        if (!slots.get(0).offer().placements()) {
            slots = slots.stream()
                    .filter(s -> s.period().fits(request.mornings(), request.afternoons()))
                    .toList();
            if (slots.isEmpty()) {
                return request.event()
                        ? "No " + what + " free at the event's time of day"
                        : "No " + what + " in the window at the time of day the school asked for";
            }
            if (request.event()) {
                if (slots.stream().allMatch(s -> s.offer().paid())) {
                    return "Only paid providers offer a " + what + " then, and an event's stalls are not paid for";
                }
                if (slots.stream()
                        .noneMatch(s -> request.pupils() >= s.offer().pupilsMin()
                                && request.pupilsPerSession() <= s.offer().pupilsMax())) {
                    return "No " + what + " then takes " + request.pupilsPerSession()
                            + " pupils, each stall's share of the event";
                }
            } else if (slots.stream()
                    .noneMatch(s -> request.pupils() >= s.offer().pupilsMin()
                            && request.pupils() <= s.offer().pupilsMax())) {
                return "No " + what + " in the window takes a group of " + request.pupils() + " pupils";
            }
        }
        return "No " + what + " in the window within reach of "
                + (request.event() && request.venue() != null
                        ? "the event's venue"
                        : request.school().name())
                + ": " + outOfReach(request);
    }

    /** "Year 9", or "Years 9 and 10" for an event several year groups go to. */
    private static String yearGroups(Request request) {
        List<Integer> years = request.audience().stream()
                .map(a -> a.cohort().yearGroup())
                .distinct()
                .sorted()
                .toList();
        if (years.size() == 1) {
            return "Year " + years.getFirst();
        }
        List<String> named = years.stream().map(String::valueOf).toList();
        return "Years " + String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.getLast();
    }

    /** Why nothing reaches the school, in each way of meeting it asked for. */
    private static String outOfReach(Request request) {
        Set<DeliveryMode> modes = request.modes();
        if (request.school().location() == null) {
            return "its location is not known, so only online sessions can reach it, and "
                    + (modes.contains(DeliveryMode.ONLINE) ? "none is online" : "it asked for none online");
        }
        List<String> ways = new ArrayList<>();
        // a placement is never in school, whatever the request allows
        if (modes.contains(DeliveryMode.IN_SCHOOL) && request.type() != EncounterType.WORK_EXPERIENCE) {
            ways.add("no volunteer travels that far to come in");
        }
        if (modes.contains(DeliveryMode.AT_WORKPLACE)) {
            ways.add(String.format(
                    Locale.UK,
                    "no workplace within the %.0f km its pupils travel",
                    request.school().travelLimitKm()));
        }
        if (modes.contains(DeliveryMode.ONLINE)) {
            ways.add("none online");
        }
        return String.join("; ", ways);
    }
}
