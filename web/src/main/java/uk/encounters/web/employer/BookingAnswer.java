package uk.encounters.web.employer;

import java.time.LocalDate;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.web.form.Form;

/** An employer's answer to one of its bookings, from its own page or from a digest's link. */
interface BookingAnswer {

    String DECLINED = "Declined. Thank you for letting us know: the school's pupils go back into matching.";
    String DECLINE_CONSEQUENCE = "The school's pupils go back into matching, so they still get their encounter.";
    String DECLINE_HINT =
            "For example: the volunteer is away that week. It helps the coordinator ask better next time.";

    EmployerBookings.Reply apply(EmployerBookings bookings, long employerId, long bookingId, LocalDate today);

    /** The reason a decline must give, checked as every decline form checks it. */
    static String declineReason(Form form) {
        return form.requiredLines("reason", "Why you cannot do it", 1000);
    }
}
