package uk.encounters.web.employer;

import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.HubPresence;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;

/**
 * Which hub an employer's offer is made to: only that hub's rounds book it. Asked only of an
 * organisation that works with several hubs; one that works with one never sees the question.
 */
final class OfferHub {

    static final String FIELD = "hub";
    static final String LABEL = "Which Careers Hub's schools it is for";

    private OfferHub() {}

    /** The choices to show, none when there is nothing to choose. */
    static List<SelectOptions.Option> options(Employer employer, String chosen) {
        if (employer.presences().size() < 2) {
            return List.of();
        }
        return SelectOptions.of(employer.presences(), p -> String.valueOf(p.hubId()), HubPresence::hubName, chosen);
    }

    /** The hub chosen, or the only one; empty with a message beside the field when none of theirs was chosen. */
    static Optional<Long> read(Form form, Employer employer) {
        List<HubPresence> presences = employer.presences();
        if (presences.size() == 1) {
            return Optional.of(presences.getFirst().hubId());
        }
        String value = form.text(FIELD, LABEL, 20);
        Optional<Long> chosen = presences.stream()
                .map(HubPresence::hubId)
                .filter(id -> String.valueOf(id).equals(value))
                .findFirst();
        if (chosen.isEmpty()) {
            form.error(FIELD, value.isEmpty() ? "Choose the hub whose schools it is for" : "Choose one of your hubs");
        }
        return chosen;
    }
}
