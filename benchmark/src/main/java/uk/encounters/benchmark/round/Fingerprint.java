package uk.encounters.benchmark.round;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.Session;

/**
 * A short hash of what was built, so runs of two builds on one database can be seen to do the
 * same work: equal fingerprints, equal problems (or digests).
 */
final class Fingerprint {

    private final MessageDigest sha;

    private Fingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Fingerprint add(Object part) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(sha.digest(), 0, 6);
    }

    static Fingerprint start() {
        return new Fingerprint();
    }

    /** Every figure of the problem the solver reads: schools, cohorts, employers, offers, requests, sessions. */
    static String of(MatchingProblem problem) {
        Fingerprint f = new Fingerprint();
        f.add(problem.horizonStart()).add(problem.horizonEnd());
        problem.schools()
                .forEach(s -> f.add(s.id() + "|" + s.name() + "|" + s.location() + "|" + s.coldSpot() + "|"
                        + s.budgetLeftPence() + "|" + s.travelLimitKm()));
        for (Cohort c : problem.cohorts()) {
            f.add(c.school().id() + "/" + c.yearGroup() + "|" + c.pupils() + "|" + c.pupilsWithoutOne() + "|"
                    + c.nothingThisYear() + "|" + c.stemThisYear() + "|" + c.pupilsNeedingWorkplaceExperience() + "|"
                    + c.curve() + "|"
                    + problem.employers().stream()
                            .filter(c::visitedThisYearBy)
                            .map(e -> String.valueOf(e.id()))
                            .collect(Collectors.joining(",")));
        }
        for (Employer e : problem.employers()) {
            f.add(e);
        }
        for (Offer o : problem.offers()) {
            f.add(o.id() + "|" + o.employer().id() + "|" + o.volunteer() + "|" + o.type() + "|" + o.sector() + "|"
                    + o.yearGroupMin() + "-" + o.yearGroupMax() + "|" + sorted(o.modes()) + "|" + o.pupilsMin() + "-"
                    + o.pupilsMax() + "|" + o.places() + "|" + o.maxSessions() + "|" + o.travelRadiusKm() + "|"
                    + o.costPencePerSession() + "|" + o.sendAdaptable() + "|" + o.availableFrom() + "|"
                    + o.availableUntil() + "|" + o.availability());
        }
        for (Request r : problem.requests()) {
            f.add(r.id() + "|" + r.cohort().school().id() + "/" + r.cohort().yearGroup() + "|" + r.type() + "|"
                    + r.pupils() + "|" + r.sessions() + "|" + r.windowStart() + "|" + r.windowEnd() + "|"
                    + r.mornings() + r.afternoons() + "|" + sorted(r.modes()) + "|" + sorted(r.preferredSectors()) + "|"
                    + r.preferredEmployerId() + "|" + r.needsSend() + "|" + r.postedOrder());
        }
        for (Session s : problem.sessions()) {
            f.add(s + "|" + s.pinned() + "|" + s.candidates().size());
        }
        return f.hex();
    }

    /** A set's members in a fixed order: enum sets iterate by identity hash, which differs from run to run. */
    private static String sorted(Set<?> members) {
        return new TreeSet<>(members.stream().map(String::valueOf).toList()).toString();
    }
}
