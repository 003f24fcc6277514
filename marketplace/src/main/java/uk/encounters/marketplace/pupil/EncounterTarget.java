package uk.encounters.marketplace.pupil;

import java.util.List;

/**
 * A hub's target of meaningful encounters by the end of Year 13: the Careers Strategy's seven, one
 * in each year from 7 to 13, or four, the number the research links to a pupil being 25% less
 * likely to become NEET. The target is spread evenly over the seven years: a pupil in year group Y
 * should have round(target × (Y - 6) / 7) by the end of the year, halves rounded up. For seven
 * that is Y - 6 (Year 7 one ... Year 13 seven); for four, Year 7 and 8 one, Year 9 and 10 two,
 * Year 11 and 12 three, Year 13 four. Benchmark 5 (an encounter every year) holds whatever the
 * target, so being on track also asks for one this year.
 */
public record EncounterTarget(int byEndOfYear13) {

    public static final int FIRST_YEAR_GROUP = 7;
    public static final int LAST_YEAR_GROUP = 13;
    public static final EncounterTarget SEVEN = new EncounterTarget(7);
    public static final EncounterTarget FOUR = new EncounterTarget(4);
    /** The targets a hub may choose (migration V16's hub_target_encounters_ck). */
    public static final List<EncounterTarget> CHOICES = List.of(SEVEN, FOUR);

    private static final int YEARS = LAST_YEAR_GROUP - FIRST_YEAR_GROUP + 1;
    private static final List<String> WORDS = List.of("none", "one", "two", "three", "four", "five", "six", "seven");

    public EncounterTarget {
        if (byEndOfYear13 != 4 && byEndOfYear13 != 7) {
            throw new IllegalArgumentException("A hub's target is four or seven encounters, not " + byEndOfYear13);
        }
    }

    public static EncounterTarget of(int byEndOfYear13) {
        return byEndOfYear13 == 4 ? FOUR : SEVEN;
    }

    /** "seven" or "four", for sentences. */
    public String inWords() {
        return WORDS.get(byEndOfYear13);
    }

    /** What each year group should have by the end of the year: "Year 7 one, Year 8 two, ... Year 13 seven". */
    public String yearByYear() {
        List<String> years = new java.util.ArrayList<>();
        for (int year = FIRST_YEAR_GROUP; year <= LAST_YEAR_GROUP; year++) {
            years.add("Year " + year + " " + WORDS.get(byEndOfYear(year)));
        }
        return String.join(", ", years);
    }

    public int byEndOfYear(int yearGroup) {
        requireYearGroup(yearGroup);
        return Math.round((float) byEndOfYear13 * (yearGroup - FIRST_YEAR_GROUP + 1) / YEARS);
    }

    /** What a pupil should have had before this school year began. */
    public int byStartOfYear(int yearGroup) {
        return yearGroup == FIRST_YEAR_GROUP ? 0 : byEndOfYear(yearGroup - 1);
    }

    /**
     * On track: the encounters of earlier years meet the target as this year began, and the pupil
     * has one this year already or is chosen for a live booking that gives them one.
     */
    public boolean onTrack(int yearGroup, int encountersBeforeThisYear, boolean hasOneThisYear) {
        return encountersBeforeThisYear >= byStartOfYear(yearGroup) && hasOneThisYear;
    }

    private static void requireYearGroup(int yearGroup) {
        if (yearGroup < FIRST_YEAR_GROUP || yearGroup > LAST_YEAR_GROUP) {
            throw new IllegalArgumentException("Year group must be 7 to 13, not " + yearGroup);
        }
    }
}
