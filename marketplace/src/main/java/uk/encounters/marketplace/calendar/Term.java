package uk.encounters.marketplace.calendar;

import java.time.LocalDate;

/** One of a school year's three terms, from its first to its last day, with its half-term holiday inside it. */
public record Term(Name name, LocalDate start, LocalDate end, LocalDate halfTermStart, LocalDate halfTermEnd) {

    /** The three terms in their order; {@link #number()} is how hub_term stores them. */
    public enum Name {
        AUTUMN("Autumn term"),
        SPRING("Spring term"),
        SUMMER("Summer term");

        private final String label;

        Name(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** 1 autumn, 2 spring, 3 summer. */
        public int number() {
            return ordinal() + 1;
        }

        /** The start of the form fields for this term: "autumn", "spring", "summer". */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Name ofNumber(int number) {
            return values()[number - 1];
        }
    }

    /** Inside the term and not in its half term (weekends and bank holidays are the calendar's to judge). */
    public boolean teaches(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end) && !inHalfTerm(day);
    }

    public boolean inHalfTerm(LocalDate day) {
        return !day.isBefore(halfTermStart) && !day.isAfter(halfTermEnd);
    }
}
