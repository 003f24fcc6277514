package uk.encounters.web.employer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.statement.EmployerYear;
import uk.encounters.marketplace.statement.EmployerYear.PupilAnswers;
import uk.encounters.marketplace.statement.VolunteerHours;

/**
 * An employer's year in words, the same on its page and in its PDF: plain sentences to quote in a social-value
 * report, a table of the figures, pupils' answers, the volunteers a hub named, and who thanks it.
 */
public record Statement(
        String summary,
        String volunteering,
        String pupilsSaid,
        String schoolsSaid,
        List<Figure> figures,
        List<String> volunteersOfTheYear,
        String thanks,
        String hoursRule) {

    /** One line of the table: what is counted, and how many. */
    public record Figure(String what, String value) {}

    public static Statement of(EmployerYear y) {
        String year = y.year().label();
        String summary = y.sessions() == 0
                ? "In " + year + " " + y.employerName() + " has not yet given a session to a school."
                : "In " + year + " " + y.employerName() + " gave " + count(y.sessions(), "session", "sessions")
                        + " to " + count(y.pupilsReached(), "pupil", "pupils") + " at "
                        + count(y.schools(), "school", "schools") + ", " + y.disadvantagedReached()
                        + " of them disadvantaged (pupil premium or free school meals).";
        String volunteering = y.sessions() == 0
                ? ""
                : count(y.volunteers(), "volunteer", "volunteers") + " gave " + hours(y.volunteerHours())
                        + " of their time in school hours.";
        return new Statement(
                summary,
                volunteering,
                pupilsSaid(y.pupilAnswers()),
                y.schoolRatings().rated() == 0
                        ? "No school has rated a session yet."
                        : "Schools rated the sessions "
                                + y.schoolRatings()
                                        .average()
                                        .stripTrailingZeros()
                                        .toPlainString()
                                + " out of 5 on average ("
                                + count(y.schoolRatings().rated(), "rating", "ratings")
                                + ").",
                figures(y),
                y.volunteersOfTheYear().stream()
                        .map(v -> "Named volunteer of the year by " + v.hubName() + ": " + v.volunteerName() + " — "
                                + v.citation())
                        .toList(),
                "Thank you, from " + y.hubName() + ".",
                VolunteerHours.RULE);
    }

    private static String pupilsSaid(PupilAnswers a) {
        if (a.answered() == 0) {
            return "No pupil has answered the questions after a session yet.";
        }
        return "Of the " + count(a.answered(), "pupil", "pupils") + " who answered afterwards, "
                + PupilAnswers.percent(a.learntWhatWorkIsLike(), a.answered())
                + "% said they learnt what the work is like, "
                + PupilAnswers.percent(a.learntWhatItTakes(), a.answered()) + "% what it takes to succeed in it, and "
                + PupilAnswers.percent(a.wouldConsider(), a.answered()) + "% would consider it.";
    }

    private static List<Figure> figures(EmployerYear y) {
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("Sessions given", number(y.sessions())),
                new Figure("Pupils reached", number(y.pupilsReached())),
                new Figure("Disadvantaged pupils reached", number(y.disadvantagedReached())),
                new Figure("Schools worked with", number(y.schools())),
                new Figure("Hours of volunteers' time", hours(y.volunteerHours())),
                new Figure("Volunteers who took part", number(y.volunteers()))));
        PupilAnswers a = y.pupilAnswers();
        if (a.answered() > 0) {
            figures.add(new Figure("Pupils who answered afterwards", number(a.answered())));
            figures.add(new Figure(
                    "Said they learnt what the work is like",
                    PupilAnswers.percent(a.learntWhatWorkIsLike(), a.answered()) + "%"));
            figures.add(new Figure(
                    "Said they learnt what it takes to succeed",
                    PupilAnswers.percent(a.learntWhatItTakes(), a.answered()) + "%"));
            figures.add(new Figure(
                    "Would consider such work", PupilAnswers.percent(a.wouldConsider(), a.answered()) + "%"));
        }
        if (y.schoolRatings().rated() > 0) {
            figures.add(new Figure(
                    "Schools' average rating",
                    y.schoolRatings().average().stripTrailingZeros().toPlainString() + " out of 5"));
        }
        return figures;
    }

    private static String count(int n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    private static String number(int n) {
        return String.format(Locale.UK, "%,d", n);
    }

    private static String hours(BigDecimal hours) {
        String shown = hours.stripTrailingZeros().toPlainString();
        return shown + (hours.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }
}
