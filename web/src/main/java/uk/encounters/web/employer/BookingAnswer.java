package uk.encounters.web.employer;

import uk.encounters.web.form.Form;

/** What an employer is told and asked when answering one of its bookings, from its own page or a digest's link. */
final class BookingAnswer {

    static final String DECLINED =
            "Declined. Thank you for letting us know: the school's pupils go back into matching.";
    static final String DECLINE_CONSEQUENCE =
            "The school's pupils go back into matching, so they still get their encounter.";
    static final String DECLINE_HINT =
            "For example: the volunteer is away that week. It helps the coordinator ask better next time.";

    private BookingAnswer() {}

    /**
     * The thanks for a yes: the school is said to know of the booking only when its digest went to
     * someone there, since a school with nobody signed up was emailed nothing.
     *
     * @param calendar where the booking now shows: the signed-in employer's calendar feed, or the
     *     calendar the digest's invitation went into
     */
    static String confirmed(String calendar, boolean schoolEmailed) {
        String done = "Confirmed: it is in your " + calendar + ". ";
        return schoolEmailed
                ? done + "The school has had this booking by email and sees your" + " confirmation with its bookings."
                : done + "The school has not been emailed about this booking, as"
                        + " nobody there is signed up yet: your enterprise coordinator can tell them.";
    }

    /** The reason a decline must give, checked as every decline form checks it. */
    static String declineReason(Form form) {
        return form.requiredLines("reason", "Why you cannot do it", 1000);
    }
}
