package uk.encounters.marketplace.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * One academic year's term dates for a hub's schools: three terms, each with its half term, and
 * the INSET days (staff training, no pupils). {@code checked} once the hub's coordinator has saved
 * them; until then they are {@link #england}'s pattern.
 */
public record TermDates(AcademicYear year, List<Term> terms, NavigableSet<LocalDate> insetDays, boolean checked) {

    public TermDates {
        terms = List.copyOf(terms);
        insetDays = Collections.unmodifiableNavigableSet(new TreeSet<>(insetDays));
        if (terms.size() != Term.Name.values().length) {
            throw new IllegalArgumentException("A school year has three terms, not " + terms.size());
        }
    }

    /**
     * The usual England pattern, for a hub whose coordinator has not yet checked its local
     * authority's dates. Local authorities differ by a few days; the rule:
     * <ul>
     *   <li>autumn term from the first weekday on or after 3 September to the last Friday on or before
     *       20 December, with half term the last full week (Monday to Friday) of October;
     *   <li>spring term from the first weekday on or after 4 January (so New Year and its substitute
     *       day fall in the two-week Christmas holiday) to the Friday before Holy Week, with half term
     *       the week from the first Monday on or after 12 February;
     *   <li>the Easter holiday the two weeks around Easter: Monday of Holy Week to the Friday after
     *       Easter Monday, so Good Friday and Easter Monday fall inside it;
     *   <li>summer term from the Monday after the Easter holiday to the last weekday on or before
     *       21 July (the summer holiday begins about 22 July), with half term the week of the late May
     *       bank holiday (the last Monday of May);
     *   <li>no INSET days: each school sets its own five, and a hub adds the ones its schools share.
     * </ul>
     */
    public static TermDates england(AcademicYear year) {
        int autumnYear = year.startYear();
        int springYear = autumnYear + 1;
        LocalDate autumnStart = weekdayOnOrAfter(LocalDate.of(autumnYear, 9, 3));
        LocalDate octoberHalfTerm =
                LocalDate.of(autumnYear, 10, 27).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate autumnEnd = LocalDate.of(autumnYear, 12, 20).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        LocalDate springStart = weekdayOnOrAfter(LocalDate.of(springYear, 1, 4));
        LocalDate februaryHalfTerm =
                LocalDate.of(springYear, 2, 12).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate easter = Easter.sunday(springYear);
        LocalDate springEnd = easter.minusDays(9); // the Friday before Holy Week
        LocalDate summerStart = easter.plusDays(8); // the Monday after Easter week
        LocalDate mayHalfTerm =
                LocalDate.of(springYear, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate summerEnd = weekdayOnOrBefore(LocalDate.of(springYear, 7, 21));
        return new TermDates(
                year,
                List.of(
                        new Term(
                                Term.Name.AUTUMN, autumnStart, autumnEnd, octoberHalfTerm, octoberHalfTerm.plusDays(4)),
                        new Term(
                                Term.Name.SPRING,
                                springStart,
                                springEnd,
                                februaryHalfTerm,
                                februaryHalfTerm.plusDays(4)),
                        new Term(Term.Name.SUMMER, summerStart, summerEnd, mayHalfTerm, mayHalfTerm.plusDays(4))),
                new TreeSet<>(),
                false);
    }

    public Term term(Term.Name name) {
        return terms.get(name.ordinal());
    }

    public LocalDate firstDay() {
        return terms.getFirst().start();
    }

    public LocalDate lastDay() {
        return terms.getLast().end();
    }

    /** In a term, not in a half term, and no INSET day; weekends and bank holidays are the calendar's. */
    public boolean teaches(LocalDate day) {
        return !insetDays.contains(day) && terms.stream().anyMatch(term -> term.teaches(day));
    }

    public TermDates withInsetDays(NavigableSet<LocalDate> days) {
        return new TermDates(year, terms, days, checked);
    }

    /**
     * What is wrong with these dates, by the field a coordinator would fix (the term's code and
     * "Start", "End", "HalfStart", "HalfEnd", or "inset"): every date inside the academic year, each
     * end on or after its start, each half term inside its term, the terms in order without
     * overlapping, and each INSET day a weekday in term time. Empty when they are fine.
     */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate previousEnd = null;
        for (Term term : terms) {
            String field = term.name().code();
            String label = term.name().label();
            outsideYear(problems, field + "Start", label + " must start", term.start());
            outsideYear(problems, field + "End", label + " must end", term.end());
            outsideYear(problems, field + "HalfStart", label + "'s half term must start", term.halfTermStart());
            outsideYear(problems, field + "HalfEnd", label + "'s half term must end", term.halfTermEnd());
            if (term.end().isBefore(term.start())) {
                problems.putIfAbsent(field + "End", label + " must end on or after the day it starts");
            }
            if (previousEnd != null && !term.start().isAfter(previousEnd)) {
                problems.putIfAbsent(field + "Start", label + " must start after the term before it ends");
            }
            if (term.halfTermEnd().isBefore(term.halfTermStart())) {
                problems.putIfAbsent(field + "HalfEnd", label + "'s half term must end on or after the day it starts");
            }
            if (term.halfTermStart().isBefore(term.start())
                    || term.halfTermStart().isAfter(term.end())) {
                problems.putIfAbsent(field + "HalfStart", label + "'s half term must start inside the term");
            }
            if (term.halfTermEnd().isBefore(term.start()) || term.halfTermEnd().isAfter(term.end())) {
                problems.putIfAbsent(field + "HalfEnd", label + "'s half term must end inside the term");
            }
            previousEnd = term.end();
        }
        for (LocalDate day : insetDays) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                problems.putIfAbsent("inset", "An INSET day must be a weekday");
            } else if (terms.stream().noneMatch(term -> term.teaches(day))) {
                problems.putIfAbsent("inset", "An INSET day must be in term time, not in a holiday or half term");
            }
        }
        return problems;
    }

    private void outsideYear(Map<String, String> problems, String field, String what, LocalDate day) {
        if (!year.contains(day)) {
            problems.putIfAbsent(field, what + " in " + year.label() + " (1 September to 31 August)");
        }
    }

    private static LocalDate weekdayOnOrAfter(LocalDate day) {
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }
}
