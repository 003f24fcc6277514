package uk.encounters.marketplace.event;

import uk.encounters.marketplace.StoredStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What kind of event it is, stored in {@code event.kind}, and what each of its stalls (or
 * volunteers) gives: the encounter type the round matches them as.
 */
public enum EventKind implements StoredStatus {
    CAREERS_FAIR("careers_fair", "careers fair", EncounterType.CAREERS_FAIR, "stall"),
    MOCK_INTERVIEW_DAY("mock_interview_day", "mock-interview day", EncounterType.MOCK_INTERVIEWS, "interviewer"),
    CAROUSEL("carousel", "carousel", EncounterType.CAREERS_TALK, "employer"),
    PANEL("panel", "panel", EncounterType.CAREERS_TALK, "panellist");

    private final String literal;
    private final String label;
    private final EncounterType stallType;
    private final String stallWord;

    EventKind(String literal, String label, EncounterType stallType, String stallWord) {
        this.literal = literal;
        this.label = label;
        this.stallType = stallType;
        this.stallWord = stallWord;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label;
    }

    /** What each stall gives, as offers and bookings name it. */
    public EncounterType stallType() {
        return stallType;
    }

    /** What a page calls one of its places for an employer: a stall, an interviewer, a panellist. */
    public String stallWord() {
        return stallWord;
    }
}
