package uk.encounters.web.wonde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.marketplace.pupil.WondePull;

/**
 * Wonde's pupils as this app keeps them: each UPN made into the same private reference the CSV
 * import makes (an admission number when Wonde has no UPN), so a school can move between the two
 * without anyone added twice. A row that cannot be kept is refused, named by Wonde's id.
 */
final class WondeRoll {

    private WondeRoll() {}

    static WondePull.Roll of(List<WondeStudent> students, long schoolId, PupilReferences references) {
        List<PupilRepository.PupilRow> pupils = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        List<WondeLinkRepository.Refusal> refusals = new ArrayList<>();
        for (WondeStudent student : students) {
            String wondeId = student.wondeId().isEmpty() ? "(no id)" : shortened(student.wondeId(), 40);
            Optional<String> reference = reference(student, schoolId, references);
            if (reference.isEmpty()) {
                refusals.add(new WondeLinkRepository.Refusal(
                        wondeId,
                        student.upn().isPresent()
                                ? "The UPN is not a valid UPN"
                                : "Wonde has neither a UPN nor an admission number for this pupil"));
                continue;
            }
            if (!listed.add(reference.get())) {
                refusals.add(new WondeLinkRepository.Refusal(wondeId, "The same pupil is listed twice"));
                continue;
            }
            Optional<Integer> year = yearGroup(student.yearGroup());
            if (year.isEmpty()) {
                refusals.add(new WondeLinkRepository.Refusal(wondeId, yearRefused(student.yearGroup())));
                continue;
            }
            pupils.add(new PupilRepository.PupilRow(
                    reference.get(), year.get(), student.disadvantaged(), student.send(), student.eal()));
        }
        return new WondePull.Roll(pupils, listed, refusals);
    }

    private static Optional<String> reference(WondeStudent student, long schoolId, PupilReferences references) {
        if (student.upn().isPresent()) {
            // a UPN Wonde has but which is malformed is refused, not swapped for the admission number:
            // that would make the same pupil a second reference
            return Upn.parse(student.upn().get()).map(upn -> references.of(schoolId, upn));
        }
        return student.admissionNumber()
                .filter(number -> number.matches("[A-Za-z0-9/-]{1,20}"))
                .map(number -> references.ofAdmissionNumber(schoolId, number));
    }

    /** "9", "Y9", "Year 9" or "09" as Year 9, when 7 to 13. */
    private static Optional<Integer> yearGroup(String value) {
        String digits = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^(year|yr|y)\\s*", "");
        if (!digits.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(digits);
        return year >= 7 && year <= 13 ? Optional.of(year) : Optional.empty();
    }

    private static String yearRefused(String value) {
        if (value.isEmpty()) {
            return "Wonde has no year group for this pupil";
        }
        String shown = value.matches("[A-Za-z0-9 ]{1,12}") ? value : "unreadable";
        return "Year group " + shown + " is not one of Years 7 to 13";
    }

    private static String shortened(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
