package uk.encounters.web.school;

import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.marketplace.pupil.PupilProgress;

/**
 * The "Who goes" part of a booking's page: the pupils going first (chosen, or suggested until a
 * choice is saved), counted against the booking's places, then the rest of the year group as the
 * filter shows them. Both lists keep the suggestion's order (most to gain first). Every pupil going
 * is listed whatever the filter, so the save form always carries the whole choice.
 *
 * @param suggesting nothing saved yet: those going are the suggestion
 * @param othersInYear the rest of the year group, before the filter
 */
public record WhoGoes(
        int places,
        boolean suggesting,
        List<Candidate> going,
        List<Candidate> others,
        int othersInYear,
        PupilFilter filter) {

    /** A pupil who could go, with the groups the school flagged; ticked if going. */
    public record Candidate(
            long id, String reference, int behind, boolean disadvantaged, boolean send, boolean eal, boolean ticked) {}

    /**
     * @param candidates the year group on roll, most to gain first
     * @param ticked those going: the choice sent, the choice saved, or the suggestion
     */
    static WhoGoes of(
            List<PupilProgress> candidates,
            Map<Long, String> references,
            Set<Long> ticked,
            int places,
            boolean suggesting,
            PupilFilter filter) {
        List<Candidate> going = candidates.stream()
                .filter(p -> ticked.contains(p.pupilId()))
                .map(p -> candidate(p, references, true))
                .toList();
        List<PupilProgress> rest =
                candidates.stream().filter(p -> !ticked.contains(p.pupilId())).toList();
        List<Candidate> others = rest.stream()
                .filter(p -> filter.shows(p, reference(p, references)))
                .map(p -> candidate(p, references, false))
                .toList();
        return new WhoGoes(places, suggesting, going, others, rest.size(), filter);
    }

    private static Candidate candidate(PupilProgress p, Map<Long, String> references, boolean ticked) {
        return new Candidate(
                p.pupilId(),
                reference(p, references),
                p.encountersBehind(),
                p.disadvantaged(),
                p.send(),
                p.eal(),
                ticked);
    }

    private static String reference(PupilProgress p, Map<Long, String> references) {
        return references.getOrDefault(p.pupilId(), "?");
    }

    public int chosen() {
        return going.size();
    }

    /** How many of the others the filter shows. */
    public int shown() {
        return others.size();
    }

    public boolean over() {
        return chosen() > places;
    }

    /**
     * "28 of 28 places chosen", with what is left or too many; who-goes.js writes the same words
     * as boxes are ticked. Not "count": that name is the templates' number helper.
     */
    public String countLine() {
        String count = chosen() + " of " + places + " places chosen";
        if (over()) {
            return count + ": " + (chosen() - places) + " too many";
        }
        return chosen() < places ? count + ", " + (places - chosen()) + " left" : count;
    }

    /** Every other pupil is on the page: the script may filter them in place. */
    public boolean othersComplete() {
        return !filter.active();
    }
}
