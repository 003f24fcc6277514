package uk.encounters.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Encounter;
import uk.encounters.demo.DemoHub.Pupil;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.WorkplaceHours;
import uk.encounters.matcher.domain.EncounterType;

/**
 * The encounters pupils had before the marketplace: one row per pupil per encounter, with the
 * provider named and no booking. How many depends on the school: the seeds found that careers
 * funding and employer links went disproportionately to better-off schools, so less deprived
 * schools reach more of their pupils, and some cohorts fall behind the one-a-year target.
 */
final class EncounterHistory {

    private final LocalDate today;
    private final AcademicYear thisYear;
    /** Share of this year's school days already gone: this year's encounters so far scale with it. */
    private final double yearElapsed;

    EncounterHistory(LocalDate today) {
        this.today = today;
        this.thisYear = AcademicYear.containing(today);
        this.yearElapsed = elapsedShare(thisYear, today);
    }

    /**
     * How readily a school's pupils got encounters: about 0.45 for the most deprived schools to
     * 0.9 for the least, with a school-to-school spread.
     */
    static double engagement(SchoolProfile school, RandomGenerator random) {
        double decileEffect = school.deprivationDecile() == null ? 0 : 0.035 * (school.deprivationDecile() - 5.5);
        double fsmEffect = -0.4 * (school.freeSchoolMealsPercent() / 100 - 0.25);
        double spread = (random.nextDouble() - 0.5) * 0.2;
        return clamp(0.66 + decileEffect + fsmEffect + spread, 0.3, 0.95);
    }

    /**
     * For a cohort now in {@code yearGroup}: the chance a pupil had an encounter in each year
     * group so far (index 0 = Year 7) and, at the current year group, this year. A cohort had good
     * years and thin ones (a keen form tutor, a fair that was cancelled).
     */
    double[] cohortReach(double engagement, int yearGroup, RandomGenerator random) {
        double[] reach = new double[yearGroup - 6];
        for (int i = 0; i < reach.length; i++) {
            reach[i] = clamp(engagement * (0.7 + random.nextDouble() * 0.6), 0.05, 0.98);
        }
        return reach;
    }

    void encounters(Pupil pupil, double[] cohortReach, RandomGenerator random, Consumer<Encounter> encounters) {
        for (int year = 7; year < pupil.yearGroup(); year++) {
            AcademicYear then = thisYear.minus(pupil.yearGroup() - year);
            double reach = cohortReach[year - 7] * (pupil.disadvantaged() ? 0.9 : 1.0);
            if (random.nextDouble() < reach) {
                encounters.accept(encounter(pupil, year, then.randomSchoolDay(random), random));
                if (random.nextDouble() < reach * 0.35) {
                    encounters.accept(encounter(pupil, year, then.randomSchoolDay(random), random));
                    if (random.nextDouble() < reach * 0.25) {
                        encounters.accept(encounter(pupil, year, then.randomSchoolDay(random), random));
                    }
                }
            }
            if ((year == 10 || year == 12) && random.nextDouble() < reach * 0.5) {
                LocalDate summer = then.randomSchoolDay(
                        random,
                        MonthDay.of(6, 15).atYear(then.startYear() + 1),
                        MonthDay.of(7, 15).atYear(then.startYear() + 1));
                encounters.accept(new Encounter(
                        pupil.school(),
                        pupil.sequence(),
                        null,
                        EncounterType.WORK_EXPERIENCE,
                        summer,
                        true,
                        "Work experience placement",
                        // a week's placement: five whole days
                        WorkplaceHours.perDay("all_day").times(5)));
            }
        }
        double reachThisYear = cohortReach[pupil.yearGroup() - 7] * yearElapsed;
        if (yearElapsed > 0 && random.nextDouble() < reachThisYear) {
            LocalDate day = thisYear.randomSchoolDay(random, thisYear.firstTeachingDay(), today.minusDays(1));
            if (day != null) {
                encounters.accept(encounter(pupil, pupil.yearGroup(), day, random));
            }
        }
    }

    private static Encounter encounter(Pupil pupil, int yearGroup, LocalDate day, RandomGenerator random) {
        EncounterType type = typeFor(yearGroup, random.nextDouble());
        // a day at the employer's for a visit or shadowing
        Hours hours = type.workplaceExperience() ? WorkplaceHours.forBooking(day, day, "all_day") : null;
        return new Encounter(pupil.school(), pupil.sequence(), null, type, day, true, provider(type), hours);
    }

    /** Mostly talks; interviews and mentoring from Year 10, enterprise days in the lower years. */
    static EncounterType typeFor(int yearGroup, double draw) {
        if (draw < 0.52) {
            return EncounterType.CAREERS_TALK;
        } else if (draw < 0.64) {
            return EncounterType.CAREERS_FAIR;
        } else if (draw < 0.72) {
            return EncounterType.ONLINE_INSIGHT;
        } else if (draw < 0.80) {
            return yearGroup <= 9 ? EncounterType.ENTERPRISE_CHALLENGE : EncounterType.CAREERS_TALK;
        } else if (draw < 0.89) {
            return EncounterType.WORKPLACE_VISIT;
        } else if (draw < 0.96) {
            return yearGroup >= 10 ? EncounterType.MOCK_INTERVIEWS : EncounterType.CAREERS_TALK;
        } else if (draw < 0.99) {
            return yearGroup >= 10 ? EncounterType.MENTORING : EncounterType.CAREERS_FAIR;
        }
        return yearGroup >= 11 ? EncounterType.WORK_SHADOWING : EncounterType.WORKPLACE_VISIT;
    }

    /** Generic providers: history from outside the marketplace names what it was, not a real firm. */
    static String provider(EncounterType type) {
        return switch (type) {
            case CAREERS_TALK -> "Visiting employer talk";
            case CAREERS_FAIR -> "School careers fair";
            case MOCK_INTERVIEWS -> "Mock interview day";
            case ENTERPRISE_CHALLENGE -> "Enterprise day";
            case MENTORING -> "Business mentoring scheme";
            case WORKPLACE_VISIT -> "Employer workplace visit";
            case WORK_SHADOWING -> "Job shadowing day";
            case WORK_EXPERIENCE -> "Work experience placement";
            case ONLINE_INSIGHT -> "Virtual work experience";
        };
    }

    private static double elapsedShare(AcademicYear year, LocalDate today) {
        int total = 0;
        int elapsed = 0;
        for (LocalDate day = year.firstTeachingDay(); !day.isAfter(year.lastTeachingDay()); day = day.plusDays(1)) {
            if (year.isSchoolDay(day)) {
                total++;
                if (day.isBefore(today)) {
                    elapsed++;
                }
            }
        }
        return total == 0 ? 0 : (double) elapsed / total;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
