package uk.encounters.web.school;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.web.form.Form;

/**
 * Who was at an activity, as its form says: the whole year group on roll that day, or a class
 * list, less anyone absent. Read from the form first, then checked against the school's pupils.
 *
 * @param who {@link #WHOLE_YEAR_GROUP} or {@link #CLASS_LIST}
 * @param listed the class list's references, when {@code who} is a class list
 * @param absent the references of those listed (or in the year group) who were not there
 */
record ActivityRegister(int yearGroup, String who, Set<String> listed, Set<String> absent) {

    static final String WHOLE_YEAR_GROUP = "yearGroup";
    static final String CLASS_LIST = "list";

    /** The fields as typed; {@link #pupils} finds whom they name. */
    static ActivityRegister read(Form form) {
        int yearGroup = form.integer("yearGroup", "Year group", 7, 13);
        String who = form.choice("who", "Who was there", List.of(WHOLE_YEAR_GROUP, CLASS_LIST));
        Set<String> listed = references(form.lines("pupils", "The class list", 20_000));
        Set<String> absent = references(form.lines("absent", "Pupils absent", 20_000));
        return new ActivityRegister(yearGroup, who, listed, absent);
    }

    /**
     * Each pupil there by id, and whether they attended; empty, with the reason on the form, when
     * the year group has no pupils or a reference is unknown, in another year or absent but not listed.
     */
    Map<Long, Boolean> pupils(SchoolActivityRepository activities, Form form, long schoolId, LocalDate date) {
        Map<String, SchoolActivityRepository.Pupil> there = WHOLE_YEAR_GROUP.equals(who)
                ? yearGroupOnRoll(activities, form, schoolId, date)
                : classList(activities, form, schoolId);
        List<String> notThere =
                absent.stream().filter(r -> !there.containsKey(r)).toList();
        if (!notThere.isEmpty() && !form.hasErrors()) {
            form.error("absent", "Absent pupils must be among those listed: " + few(notThere));
        }
        Map<Long, Boolean> register = new LinkedHashMap<>();
        if (!form.hasErrors()) {
            there.forEach((reference, pupil) -> register.put(pupil.id(), !absent.contains(reference)));
        }
        return register;
    }

    private Map<String, SchoolActivityRepository.Pupil> yearGroupOnRoll(
            SchoolActivityRepository activities, Form form, long schoolId, LocalDate date) {
        Map<String, SchoolActivityRepository.Pupil> there = new LinkedHashMap<>();
        activities.yearGroup(schoolId, yearGroup, date).forEach(p -> there.put(p.reference(), p));
        if (there.isEmpty()) {
            form.error("yearGroup", "Year " + yearGroup + " has no pupils on roll on that date: add your pupils first");
        }
        return there;
    }

    private Map<String, SchoolActivityRepository.Pupil> classList(
            SchoolActivityRepository activities, Form form, long schoolId) {
        Map<String, SchoolActivityRepository.Pupil> there = new LinkedHashMap<>();
        if (listed.isEmpty()) {
            form.error("pupils", "List the pupils who were there by their references, or choose the whole year group");
            return there;
        }
        Map<String, SchoolActivityRepository.Pupil> known = activities.pupils(schoolId, listed);
        List<String> unknown =
                listed.stream().filter(r -> !known.containsKey(r)).toList();
        List<String> otherYears = known.values().stream()
                .filter(p -> p.yearGroup() != yearGroup)
                .map(SchoolActivityRepository.Pupil::reference)
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            form.error("pupils", "No pupil here has the reference" + (unknown.size() > 1 ? "s " : " ") + few(unknown));
        } else if (!otherYears.isEmpty()) {
            form.error("pupils", "Not in Year " + yearGroup + ": " + few(otherYears));
        }
        // an unknown reference is kept without a pupil: the error above keeps it from the register
        listed.forEach(r -> there.put(r, known.get(r)));
        return there;
    }

    /** References typed or pasted: separated by spaces, commas, semicolons or new lines. */
    static Set<String> references(String text) {
        Set<String> references = new LinkedHashSet<>();
        for (String reference : text.split("[\\s,;]+")) {
            if (!reference.isBlank()) {
                references.add(reference.strip());
            }
        }
        return references;
    }

    private static String few(List<String> references) {
        return String.join(", ", references.subList(0, Math.min(5, references.size())))
                + (references.size() > 5 ? " and " + (references.size() - 5) + " more" : "");
    }
}
