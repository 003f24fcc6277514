package uk.encounters.matcher.domain;

/** Where a session happens. In order of preference: pupils meet people where they are, then online. */
public enum DeliveryMode {
    IN_SCHOOL("in school"),
    AT_WORKPLACE("at the workplace"),
    ONLINE("online");

    private final String words;

    DeliveryMode(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** Someone travels: the volunteer to the school, or the pupils to the workplace. */
    public boolean inPerson() {
        return this != ONLINE;
    }
}
