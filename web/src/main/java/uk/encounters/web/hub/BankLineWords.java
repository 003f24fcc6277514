package uk.encounters.web.hub;

import java.time.LocalDate;
import uk.encounters.marketplace.employer.BankLine;
import uk.encounters.marketplace.employer.BankPlan;
import uk.encounters.marketplace.employer.Volunteer;

/** What one line of an employer bank file will do, in the words the preview shows. */
final class BankLineWords {

    private BankLineWords() {}

    static String describe(BankPlan.Planned planned, LocalDate today) {
        BankLine line = planned.line();
        BankPlan.Organisation organisation = planned.organisation();
        StringBuilder words = new StringBuilder(organisation(planned));
        if (organisation.isNew() && planned.sameOrganisationAs().isEmpty() && line.hasContact()) {
            words.append("; ").append(line.contactName()).append(" is invited to manage it");
        }
        switch (planned.volunteer()) {
            case NEW -> words.append("; new volunteer ").append(line.volunteerName());
            case KNOWN ->
                words.append("; volunteer ").append(line.volunteerName()).append(" already known, left as they are");
            case REPEATED ->
                words.append("; volunteer ").append(line.volunteerName()).append(" repeats an earlier line");
            case NONE -> {}
        }
        words.append('.');
        Volunteer.expiredCheckWarning(line.volunteerName(), line.safeguardingCheckedUntil(), today)
                .ifPresent(warning -> words.append(' ').append(warning));
        return words.toString();
    }

    private static String organisation(BankPlan.Planned planned) {
        BankLine line = planned.line();
        BankPlan.Organisation organisation = planned.organisation();
        String via = planned.agency() == null ? "" : ", via " + line.agency();
        return switch (organisation.match()) {
            case NEW ->
                planned.sameOrganisationAs()
                        .map(first -> line.organisation() + ": the same new organisation as line " + first)
                        .orElse("New organisation: " + line.organisation() + ", " + line.postcode() + via);
            case SAME_NAME_AND_POSTCODE ->
                "Already in the hub: " + organisation.existing().name() + " (same name and postcode)";
            case SAME_NAME_ONLY ->
                "Already in the hub: " + organisation.existing().name() + " at "
                        + organisation.existing().postcode() + " (the hub's only organisation of that name)";
            case IN_ANOTHER_HUB -> line.organisation() + ", " + line.postcode();
        };
    }
}
