package uk.encounters.marketplace.employer;

import java.time.LocalDate;

/** A volunteer as the employer gives them, on the form or in a CSV row; the email address names them. */
public record VolunteerDetails(String name, String email, LocalDate safeguardingCheckedUntil) {}
