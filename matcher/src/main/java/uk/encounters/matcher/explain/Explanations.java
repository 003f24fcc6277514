package uk.encounters.matcher.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.Session;

/** Every booking of a solved plan with why it is there, and every unmatched session with why not. */
public record Explanations(List<BookingExplanation> bookings, List<UnmatchedExplanation> unmatched) {

    private static final Comparator<Session> BY_DATE =
            Comparator.comparing((Session s) -> s.slot().startsOn()).thenComparing(Session::id);

    public static Explanations of(MatchingProblem plan) {
        PlanIndex index = new PlanIndex(plan);
        List<BookingExplanation> bookings = new ArrayList<>();
        List<UnmatchedExplanation> unmatched = new ArrayList<>();
        // an unmatched session's reasons depend on its request only: a placement request's many places share them
        Map<Request, List<String>> unmatchedReasons = new HashMap<>();
        for (Session session : plan.sessions()) {
            if (session.matched()) {
                List<Session> cohortSessions = index.sessionsOf(session.cohort());
                int placesBefore = cohortSessions.stream()
                        .filter(s -> BY_DATE.compare(s, session) < 0)
                        .mapToInt(Session::pupils)
                        .sum();
                int sameEmployer = (int) cohortSessions.stream()
                        .filter(s -> s.employer().equals(session.employer()))
                        .map(Session::slot)
                        .distinct()
                        .count();
                bookings.add(new BookingExplanation(session, BookingReasons.of(session, placesBefore, sameEmployer)));
            } else {
                unmatched.add(new UnmatchedExplanation(
                        session,
                        unmatchedReasons.computeIfAbsent(
                                session.request(), request -> UnmatchedReasons.of(session, plan, index))));
            }
        }
        return new Explanations(bookings, unmatched);
    }
}
