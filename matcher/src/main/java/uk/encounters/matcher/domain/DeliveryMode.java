package uk.encounters.matcher.domain;

import java.util.EnumSet;
import java.util.Set;

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

    /** The modes a request accepts or an offer gives, from its three yes/no answers. */
    public static Set<DeliveryMode> of(boolean inSchool, boolean atWorkplace, boolean online) {
        Set<DeliveryMode> modes = EnumSet.noneOf(DeliveryMode.class);
        if (inSchool) {
            modes.add(IN_SCHOOL);
        }
        if (atWorkplace) {
            modes.add(AT_WORKPLACE);
        }
        if (online) {
            modes.add(ONLINE);
        }
        return modes;
    }
}
