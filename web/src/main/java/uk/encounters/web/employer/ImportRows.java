package uk.encounters.web.employer;

import io.vertx.core.MultiMap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerDetails;
import uk.encounters.marketplace.offer.EmployerOfferChanges;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;

/**
 * How a row of an employer's CSV file becomes the fields of the form it stands in for, so each
 * row is checked by the same rules as the form ({@link VolunteerRoutes#read}, {@link OfferFields}).
 * Spreadsheet habits are forgiven: UK dates (read by the form, as typed ones are), day names, "both" for mornings and afternoons.
 */
final class ImportRows {

    private ImportRows() {}

    /** A volunteer per row: name, email and, if they have one, when their check runs out. */
    static final class Volunteers implements CsvImport.RowShape<VolunteerDetails> {
        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("name", row.get("name"))
                    .add("email", row.get("email"))
                    .add("safeguardingUntil", row.get("safeguarding_checked_until"));
        }

        @Override
        public Optional<VolunteerDetails> read(Form form, CsvTable.Row row) {
            return VolunteerRoutes.read(form);
        }

        @Override
        public String summary(CsvTable.Row row) {
            return row.get("name") + " " + row.get("email");
        }
    }

    /** An offer per row, its volunteer (if named) found among the employer's active ones by email. */
    record Offers(Employer employer, List<Volunteer> volunteers, LocalDate today)
            implements CsvImport.RowShape<EmployerOfferChanges.NewOffer> {

        @Override
        public MultiMap fields(CsvTable.Row row) {
            MultiMap fields = MultiMap.caseInsensitiveMultiMap()
                    .add(
                            "type",
                            EncounterType.named(row.get("type"))
                                    .map(EncounterType::code)
                                    .orElse(row.get("type")))
                    .add("title", row.get("title"))
                    .add("topics", row.get("topics"))
                    .add("sector", row.get("sector").isEmpty() ? employer.sector() : sector(row.get("sector")))
                    .add("yearFrom", row.get("year_from"))
                    .add("yearTo", row.get("year_to"))
                    .add("pupils", row.get("pupils"))
                    .add("sessions", row.get("sessions").isEmpty() ? "1" : row.get("sessions"))
                    .add("from", row.get("from"))
                    .add("until", row.get("until"))
                    .add("dates", dates(row.get("dates")))
                    .add("radius", row.get("travel_km").isEmpty() ? "10" : row.get("travel_km"))
                    .add("cost", row.get("cost"))
                    .add("requirements", row.get("requirements"));
            for (String day : row.get("weekdays").split("[\\s,;|/]+")) {
                if (!day.isBlank()) {
                    fields.add("weekday", weekday(day));
                }
            }
            String periods = row.get("periods").toLowerCase(Locale.ROOT);
            boolean both = periods.isBlank() || periods.contains("both") || periods.contains("all");
            if (both || periods.contains("morning") || periods.contains("am")) {
                fields.add("morning", "true");
            }
            if (both || periods.contains("afternoon") || periods.contains("pm")) {
                fields.add("afternoon", "true");
            }
            String where = row.get("where").toLowerCase(Locale.ROOT);
            if (where.isBlank() || where.contains("school")) {
                fields.add("inSchool", "true");
            }
            if (where.contains("work")) {
                fields.add("atWorkplace", "true");
            }
            if (where.contains("online")) {
                fields.add("online", "true");
            }
            // "online, interactive": the pupils do tasks and talk with staff
            if (where.contains("interactive")) {
                fields.add("interactive", "true");
            }
            if (List.of("yes", "y", "true", "1")
                    .contains(row.get("send_adaptable").toLowerCase(Locale.ROOT))) {
                fields.add("sendAdaptable", "true");
            }
            return fields;
        }

        /**
         * The dates cell, one date a line for the form: dates apart by ";" or "|", or by spaces when
         * they are written in figures ("2027-03-15 2027-03-22"); "15 Mar 2027" keeps its spaces.
         */
        private static String dates(String cell) {
            return Arrays.stream(cell.split("[;|\\r\\n]+"))
                    .flatMap(part -> part.matches(".*[A-Za-z].*") ? Stream.of(part) : Arrays.stream(part.split("\\s+")))
                    .map(String::strip)
                    .filter(d -> !d.isEmpty())
                    .collect(Collectors.joining("\n"));
        }

        @Override
        public Optional<EmployerOfferChanges.NewOffer> read(Form form, CsvTable.Row row) {
            String sector = OfferFields.sector(form);
            Optional<OfferDetails> details = OfferFields.read(form, today, true, employer.name(), sector);
            String email = row.get("volunteer_email");
            Long volunteerId = null;
            if (!email.isEmpty()) {
                Optional<Volunteer> volunteer = volunteers.stream()
                        .filter(v -> v.active() && v.email().equalsIgnoreCase(email))
                        .findFirst();
                if (volunteer.isEmpty()) {
                    form.error("volunteer", "No volunteer of yours has the email " + email + ": import them first");
                } else {
                    volunteerId = volunteer.get().id();
                }
            }
            return details.isEmpty() || form.hasErrors()
                    ? Optional.empty()
                    : Optional.of(new EmployerOfferChanges.NewOffer(details.get(), volunteerId));
        }

        @Override
        public String summary(CsvTable.Row row) {
            String title = row.get("title").isEmpty() ? row.get("type") : row.get("title");
            return title + ", " + row.get("from") + " to " + row.get("until");
        }
    }

    private static String sector(String value) {
        return Sectors.ALL.stream()
                .filter(s -> s.equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElse(value);
    }

    /** "Mon", "monday" or "1"; anything else is passed on for the form to refuse. */
    private static String weekday(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            String name = day.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (lower.equals(String.valueOf(day.getValue())) || lower.length() >= 3 && name.startsWith(lower)) {
                return String.valueOf(day.getValue());
            }
        }
        return value;
    }
}
