package uk.encounters.marketplace.employer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What importing an employer bank file would do, line by line: which lines are one organisation,
 * whether that organisation is new or already in the hub (and by what evidence), whether each
 * volunteer is new, and which agency it came via. Worked out from the file and a picture of the
 * hub ({@link Known}), with no database, so the preview and the save decide alike.
 */
public final class BankPlan {

    /** How an organisation of the file was found among the hub's, or not. */
    public enum Match {
        NEW,
        /** the same normalised name at the same postcode */
        SAME_NAME_AND_POSTCODE,
        /** the same normalised name, the hub's only organisation with it, at another postcode */
        SAME_NAME_ONLY,
        /**
         * the name and postcode are an organisation another hub works with: it joins this hub too,
         * one organisation with a presence in each
         */
        IN_ANOTHER_HUB
    }

    public enum VolunteerMatch {
        NONE,
        NEW,
        /** the organisation already has a volunteer with this email */
        KNOWN,
        /** an earlier line of the file names them for the same organisation */
        REPEATED
    }

    /** One of the hub's organisations (or another hub's, for {@link Match#IN_ANOTHER_HUB}), not merged away. */
    public record KnownOrganisation(long id, String name, String normalisedName, String postcode, String kind) {}

    /**
     * The hub as the file is compared with it.
     *
     * @param inHub           its organisations
     * @param takenInHub      organisation keys ({@link BankLine#organisationKey}) of the hub's records,
     *                        merged ones too, with the organisation that stands for each now
     * @param takenElsewhere  keys held only by organisations of other hubs, with the organisation that
     *                        stands for each now and a hub it works with
     * @param volunteerEmails the lower-case emails of the volunteers of those organisations
     */
    public record Known(
            List<KnownOrganisation> inHub,
            Map<String, Long> takenInHub,
            Map<String, Elsewhere> takenElsewhere,
            Map<Long, Set<String>> volunteerEmails) {}

    /** An organisation the hub does not work with yet, and a hub that does. */
    public record Elsewhere(KnownOrganisation organisation, String hubName) {}

    /**
     * Lines that are one organisation.
     *
     * @param existing     the organisation it is, unless it is new
     * @param elsewhereHub a hub that works with it, when {@link Match#IN_ANOTHER_HUB}
     */
    public record Organisation(
            String key, BankLine first, Match match, KnownOrganisation existing, String elsewhereHub) {
        public boolean isNew() {
            return match == Match.NEW;
        }
    }

    /** The agency an organisation came via: one of the hub's, or an organisation of the same file. */
    public record Agency(KnownOrganisation existing, String fileKey) {}

    /**
     * What happens to one line.
     *
     * @param agency  the agency it came via, if the line names one that was found
     * @param problem why the line cannot be imported, or null
     */
    public record Planned(
            BankLine line, Organisation organisation, VolunteerMatch volunteer, Agency agency, String problem) {
        public boolean ok() {
            return problem == null;
        }

        /** The first line of its organisation, when that is another line. */
        public Optional<Integer> sameOrganisationAs() {
            int first = organisation.first().line();
            return first == line.line() ? Optional.empty() : Optional.of(first);
        }
    }

    private final List<Planned> lines;
    private final Map<String, Organisation> organisations;

    private BankPlan(List<Planned> lines, Map<String, Organisation> organisations) {
        this.lines = lines;
        this.organisations = organisations;
    }

    public static BankPlan of(List<BankLine> lines, Known known) {
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        for (BankLine line : lines) {
            organisations.computeIfAbsent(line.organisationKey(), key -> organisation(key, line, known));
        }
        List<Planned> planned = new ArrayList<>();
        Set<String> volunteersSeen = new HashSet<>();
        for (BankLine line : lines) {
            Organisation organisation = organisations.get(line.organisationKey());
            VolunteerMatch volunteer = volunteer(line, organisation, known, volunteersSeen);
            String problem = null;
            Agency agency = null;
            if (!line.agency().isEmpty()) {
                FoundAgency found = agency(line, organisations, known);
                agency = found.agency();
                problem = found.problem();
            }
            planned.add(new Planned(line, organisation, volunteer, agency, problem));
        }
        return new BankPlan(planned, organisations);
    }

    public List<Planned> lines() {
        return lines;
    }

    public boolean hasProblems() {
        return lines.stream().anyMatch(p -> !p.ok());
    }

    /** The organisations of the file, in the order they first appear. */
    public List<Organisation> organisations() {
        return List.copyOf(organisations.values());
    }

    private static Organisation organisation(String key, BankLine first, Known known) {
        Long inHub = known.takenInHub().get(key);
        if (inHub != null) {
            Optional<KnownOrganisation> current =
                    known.inHub().stream().filter(o -> o.id() == inHub).findFirst();
            if (current.isPresent()) {
                return new Organisation(key, first, Match.SAME_NAME_AND_POSTCODE, current.get(), null);
            }
        }
        Elsewhere elsewhere = known.takenElsewhere().get(key);
        if (elsewhere != null) {
            return new Organisation(key, first, Match.IN_ANOTHER_HUB, elsewhere.organisation(), elsewhere.hubName());
        }
        List<KnownOrganisation> sameName = named(OrganisationName.normalise(first.organisation()), known);
        return sameName.size() == 1
                ? new Organisation(key, first, Match.SAME_NAME_ONLY, sameName.getFirst(), null)
                : new Organisation(key, first, Match.NEW, null, null);
    }

    private static VolunteerMatch volunteer(
            BankLine line, Organisation organisation, Known known, Set<String> volunteersSeen) {
        if (!line.hasVolunteer()) {
            return VolunteerMatch.NONE;
        }
        String email = line.volunteerEmail().toLowerCase(Locale.ROOT);
        if (organisation.existing() != null
                && known.volunteerEmails()
                        .getOrDefault(organisation.existing().id(), Set.of())
                        .contains(email)) {
            return VolunteerMatch.KNOWN;
        }
        return volunteersSeen.add(organisation.key() + "|" + email) ? VolunteerMatch.NEW : VolunteerMatch.REPEATED;
    }

    /** The agency a line names, or why it cannot be told; both null for the agency's own line. */
    private record FoundAgency(Agency agency, String problem) {}

    private static FoundAgency agency(BankLine line, Map<String, Organisation> organisations, Known known) {
        String name = OrganisationName.normalise(line.agency());
        List<Organisation> inFile = organisations.values().stream()
                .filter(o ->
                        OrganisationName.normalise(o.first().organisation()).equals(name))
                .toList();
        if (inFile.size() == 1) {
            Organisation agency = inFile.getFirst();
            if (agency.key().equals(line.organisationKey())) {
                // the agency's own line: it came via nobody
                return new FoundAgency(null, null);
            }
            return new FoundAgency(
                    agency.existing() != null ? new Agency(agency.existing(), null) : new Agency(null, agency.key()),
                    null);
        }
        List<KnownOrganisation> inHub = named(name, known);
        if (inFile.isEmpty() && inHub.size() == 1) {
            return new FoundAgency(new Agency(inHub.getFirst(), null), null);
        }
        if (inFile.size() + inHub.size() > 1) {
            return new FoundAgency(
                    null,
                    "Several organisations are named " + line.agency() + ", so the agency cannot be told apart:"
                            + " merge the duplicates first, or leave the agency empty");
        }
        return new FoundAgency(
                null,
                "No organisation in the hub or in this file is named " + line.agency() + ": add a line for the"
                        + " agency itself (its postcode, sector and size), or leave the agency empty");
    }

    private static List<KnownOrganisation> named(String normalisedName, Known known) {
        return known.inHub().stream()
                .filter(o -> o.normalisedName().equals(normalisedName))
                .toList();
    }
}
