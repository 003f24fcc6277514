package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import java.util.List;

/**
 * How many of a school's bookings need something from it, by what they need: the landing page's
 * "To do" line.
 */
public record BookingsToDo(int toConfirm, int choosePupils, int registerDue) {

    public static BookingsToDo of(List<SchoolBooking> bookings, LocalDate today) {
        int toConfirm = 0;
        int choosePupils = 0;
        int registerDue = 0;
        for (SchoolBooking booking : bookings) {
            switch (SchoolBookingAction.of(booking, today)) {
                case TO_CONFIRM -> toConfirm++;
                case CHOOSE_PUPILS -> choosePupils++;
                case REGISTER_DUE -> registerDue++;
                default -> {}
            }
        }
        return new BookingsToDo(toConfirm, choosePupils, registerDue);
    }

    public boolean any() {
        return toConfirm + choosePupils + registerDue > 0;
    }

    /** "3 bookings to confirm, 2 need pupils chosen, 1 register due", leaving out what is nought. */
    public String summary() {
        StringBuilder words = new StringBuilder();
        add(words, toConfirm, toConfirm == 1 ? "1 booking to confirm" : toConfirm + " bookings to confirm");
        add(words, choosePupils, choosePupils == 1 ? "1 needs pupils chosen" : choosePupils + " need pupils chosen");
        add(words, registerDue, registerDue == 1 ? "1 register due" : registerDue + " registers due");
        return words.toString();
    }

    private static void add(StringBuilder words, int count, String phrase) {
        if (count > 0) {
            words.append(words.isEmpty() ? "" : ", ").append(phrase);
        }
    }
}
