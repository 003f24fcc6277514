package uk.encounters.marketplace.feedback;

import java.util.List;
import java.util.Objects;

/**
 * Feedback summed over a group of delivered bookings (an employer's, an encounter type's, a
 * school's): how many have each side's answer, the average ratings, and the pupils' answers.
 */
public record FeedbackFigures(
        String name,
        int bookings,
        int withSchoolFeedback,
        int withEmployerFeedback,
        String schoolAverage,
        String employerAverage,
        int answered,
        int attended,
        String yesWorkIsLike,
        String yesItTakes,
        String yesConsider) {

    /** The figures of {@code rows}, named {@code name}. */
    public static FeedbackFigures of(String name, List<BookingFeedback> rows) {
        List<SideAnswer> school = rows.stream()
                .map(BookingFeedback::school)
                .filter(Objects::nonNull)
                .toList();
        List<SideAnswer> employer = rows.stream()
                .map(BookingFeedback::employer)
                .filter(Objects::nonNull)
                .toList();
        int answered = rows.stream().mapToInt(BookingFeedback::answered).sum();
        return new FeedbackFigures(
                name,
                rows.size(),
                school.size(),
                employer.size(),
                average(school),
                average(employer),
                answered,
                rows.stream().mapToInt(BookingFeedback::attended).sum(),
                share(rows.stream().mapToInt(BookingFeedback::yesWorkIsLike).sum(), answered),
                share(rows.stream().mapToInt(BookingFeedback::yesItTakes).sum(), answered),
                share(rows.stream().mapToInt(BookingFeedback::yesConsider).sum(), answered));
    }

    /** "4.5 out of 5", or a dash when nobody answered. */
    static String average(List<SideAnswer> answers) {
        if (answers.isEmpty()) {
            return "–";
        }
        double mean = answers.stream().mapToInt(SideAnswer::rating).average().orElseThrow();
        return String.format(java.util.Locale.UK, "%.1f out of 5", mean);
    }

    /** "60%", or a dash when no pupil answered. */
    static String share(int yes, int of) {
        return of == 0 ? "–" : Math.round(100.0 * yes / of) + "%";
    }
}
