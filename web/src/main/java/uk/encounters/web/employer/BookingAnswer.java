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

    /** The reason a decline must give, checked as every decline form checks it. */
    static String declineReason(Form form) {
        return form.requiredLines("reason", "Why you cannot do it", 1000);
    }
}
