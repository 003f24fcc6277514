package uk.encounters.marketplace.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.encounters.matcher.explain.DateStyle;

/**
 * Whether an organisation's placement paperwork holds on a day, and what is missing or out of date:
 * the one place that decides it, for its own page, the employer's page and (later) each placement.
 * The insurance holds to its last day of cover; a risk assessment for a year from when it was made.
 *
 * @param currentUntil the last day all of it holds; null when none is declared
 * @param reasons what is out of date or about to be, in words: "insurance expired on Tue 5 Jan 2027"
 */
public record PaperworkStanding(State state, LocalDate currentUntil, List<String> reasons) {

    /** Renewing takes finding a certificate or reviewing an assessment: the host is told a month ahead. */
    public static final int SOON_DAYS = 30;

    /** As a tag beside the summary (templates/partials/status-tag.hbs), coloured as stored statuses' tags are. */
    public enum State {
        /** Holds, and for more than a month yet. */
        CURRENT("Current", "tag--green"),
        /** Holds, but a part of it runs out within a month. */
        EXPIRING_SOON("Renew soon", "tag--yellow"),
        /** A part of it has run out: a placement cannot go ahead on it. */
        EXPIRED("Expired", "tag--red"),
        /** Nothing declared yet. */
        MISSING("Not given yet", "tag--grey");

        private final String tagLabel;
        private final String tagClass;

        State(String tagLabel, String tagClass) {
            this.tagLabel = tagLabel;
            this.tagClass = tagClass;
        }

        public String tagLabel() {
            return tagLabel;
        }

        public String tagClass() {
            return tagClass;
        }
    }

    public PaperworkStanding {
        reasons = List.copyOf(reasons);
    }

    /** The standing on {@code day} of the declaration in force, if there is one. */
    public static PaperworkStanding of(Optional<Declaration> current, LocalDate day) {
        if (current.isEmpty()) {
            return new PaperworkStanding(State.MISSING, null, List.of());
        }
        Declaration d = current.get();
        LocalDate insuranceEnds = d.insuranceExpiresOn();
        LocalDate assessmentEnds = d.riskAssessmentLastDay();
        LocalDate until = holdsUntil(insuranceEnds, d.riskAssessedOn());
        List<String> reasons = new ArrayList<>();
        if (until.isBefore(day)) {
            if (insuranceEnds.isBefore(day)) {
                reasons.add("insurance expired on " + DateStyle.of(insuranceEnds));
            }
            if (assessmentEnds.isBefore(day)) {
                reasons.add("risk assessment older than a year (made on " + DateStyle.of(d.riskAssessedOn()) + ")");
            }
            return new PaperworkStanding(State.EXPIRED, until, reasons);
        }
        LocalDate soon = day.plusDays(SOON_DAYS);
        if (!insuranceEnds.isAfter(soon)) {
            reasons.add("insurance expires on " + DateStyle.of(insuranceEnds));
        }
        if (!assessmentEnds.isAfter(soon)) {
            reasons.add("risk assessment due for review by " + DateStyle.of(assessmentEnds));
        }
        return new PaperworkStanding(reasons.isEmpty() ? State.CURRENT : State.EXPIRING_SOON, until, reasons);
    }

    /**
     * The last day paperwork insured to {@code insuranceExpiresOn} with its risk assessment made on
     * {@code riskAssessedOn} holds: the insurance's last day of cover or the assessment's, whichever is sooner.
     */
    public static LocalDate holdsUntil(LocalDate insuranceExpiresOn, LocalDate riskAssessedOn) {
        LocalDate assessmentEnds = riskAssessmentLastDay(riskAssessedOn);
        return insuranceExpiresOn.isBefore(assessmentEnds) ? insuranceExpiresOn : assessmentEnds;
    }

    /** The last day a risk assessment made or reviewed on {@code assessedOn} holds. */
    public static LocalDate riskAssessmentLastDay(LocalDate assessedOn) {
        return assessedOn.plusYears(1).minusDays(1);
    }

    /** Whether a placement may go ahead on it. */
    public boolean holds() {
        return state == State.CURRENT || state == State.EXPIRING_SOON;
    }

    /** In a few words, after "Placement paperwork: ". */
    public String summary() {
        return switch (state) {
            case MISSING -> "needed before hosting a placement";
            case EXPIRED -> String.join("; ", reasons);
            case CURRENT -> "current until " + DateStyle.of(currentUntil);
            case EXPIRING_SOON -> "current until " + DateStyle.of(currentUntil) + ": renew it before then";
        };
    }
}
