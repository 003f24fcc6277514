package uk.encounters.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Encounter;
import uk.encounters.demo.DemoHub.Pupil;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * The pupils of each school, year group by year group as the census counts them, and the
 * employer encounters each has had so far. Made on demand from the seed and the school's URN, so
 * a school's roll is the same on every reading and nothing is held in memory.
 *
 * <p>Pupils are numbered 1..n through the school, Year 7 first, so the pupils of a year group
 * are a known range of sequence numbers ({@link #firstSequence}).
 */
public final class PupilRoll {

    private final Seed seed;
    private final LocalDate today;
    private final AcademicYear thisYear;
    private final List<SchoolProfile> schools;
    private final EncounterHistory history;

    PupilRoll(Seed seed, LocalDate today, List<SchoolProfile> schools) {
        this.seed = seed;
        this.today = today;
        this.thisYear = AcademicYear.containing(today);
        this.schools = List.copyOf(schools);
        this.history = new EncounterHistory(today);
    }

    /** Pupil references are pseudonymous: the school's URN and a number, never a name or a birth date. */
    static String reference(int urn, int sequence) {
        String number = Integer.toString(sequence);
        return "P" + urn + "-" + "0000".substring(Math.min(4, number.length())) + number;
    }

    /** The sequence number of the first pupil of {@code yearGroup} in a school. */
    static int firstSequence(SchoolProfile school, int yearGroup) {
        int sequence = 1;
        for (int year = 7; year < yearGroup; year++) {
            sequence += school.pupilsIn(year);
        }
        return sequence;
    }

    /** Pupil premium runs above free school meals (it counts pupils eligible in the last six years). */
    static double disadvantagedShare(SchoolProfile school) {
        return Math.min(0.98, school.freeSchoolMealsPercent() / 100 * 1.15);
    }

    /**
     * Every pupil of school number {@code schoolIndex}, each followed by their encounters. The
     * random draws are the same whichever consumer ignores what, so pupils and encounters match
     * across separate readings.
     */
    void forEach(int schoolIndex, Consumer<Pupil> pupils, Consumer<Encounter> encounters) {
        SchoolProfile school = schools.get(schoolIndex);
        RandomGenerator random = seed.random("school/" + school.urn() + "/roll");
        boolean special = school.specialOrAlternative();
        double sendShare = school.phase().equals("special")
                ? 0.97
                : school.phase().equals("alternative_provision") ? 0.9 : 0.14 + random.nextDouble() * 0.05;
        double ealShare = special ? 0.05 + random.nextDouble() * 0.1 : 0.08 + random.nextDouble() * 0.14;
        double engagement = EncounterHistory.engagement(school, random);
        int firstYearGroup = firstYearGroup(school);
        int sequence = 0;
        for (int year = 7; year <= 13; year++) {
            int size = school.pupilsIn(year);
            double[] cohortReach = history.cohortReach(engagement, year, random);
            Selection disadvantaged = new Selection(size, disadvantagedShare(school));
            Selection send = new Selection(size, sendShare);
            Selection eal = new Selection(size, ealShare);
            LocalDate joined =
                    thisYear.minus(year - Math.min(year, firstYearGroup)).firstDay();
            for (int i = 0; i < size; i++) {
                sequence++;
                Pupil pupil = new Pupil(
                        schoolIndex,
                        sequence,
                        reference(school.urn(), sequence),
                        year,
                        disadvantaged.next(random),
                        send.next(random),
                        eal.next(random),
                        joined);
                pupils.accept(pupil);
                history.encounters(pupil, cohortReach, random, encounters);
            }
        }
    }

    private static int firstYearGroup(SchoolProfile school) {
        for (int year = 7; year <= 13; year++) {
            if (school.pupilsIn(year) > 0) {
                return year;
            }
        }
        return 7;
    }

    /**
     * Picks exactly round(n * share) of n pupils, each subset equally likely (selection
     * sampling), so a cohort's shares match its school's figures rather than drifting by chance.
     */
    private static final class Selection {
        private int remaining;
        private int toPick;

        Selection(int size, double share) {
            this.remaining = size;
            this.toPick = (int) Math.round(size * share);
        }

        boolean next(RandomGenerator random) {
            boolean picked = random.nextInt(remaining) < toPick;
            remaining--;
            if (picked) {
                toPick--;
            }
            return picked;
        }
    }
}
