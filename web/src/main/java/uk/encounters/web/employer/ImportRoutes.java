package uk.encounters.web.employer;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerChanges;
import uk.encounters.marketplace.employer.VolunteerDetails;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.EmployerOfferChanges;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Flash;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Bulk import of volunteers or offers from CSV, for cornerstone employers with many of either.
 * Upload, see every row's problems, then save: nothing is saved from a file with errors until
 * they are fixed or the bad rows are skipped on purpose.
 */
public final class ImportRoutes {

    /**
     * The page, with the preview of a file just checked, if any (what templates/partials/csv-preview.hbs
     * reads: {@code kind} and {@code file} are null before a file is sent).
     */
    public record ImportPage(
            long employerId,
            String volunteerColumns,
            String offerColumns,
            List<String> types,
            String kind,
            String action,
            CsvImport<?> file,
            String problem,
            int goodRows,
            long badRows,
            boolean saveAttempted) {}

    static final List<String> VOLUNTEER_COLUMNS = List.of("name", "email", "safeguarding_checked_until");
    static final List<String> OFFER_COLUMNS = List.of(
            "type",
            "title",
            "topics",
            "sector",
            "year_from",
            "year_to",
            "pupils",
            "sessions",
            "from",
            "until",
            "weekdays",
            "dates",
            "periods",
            "where",
            "travel_km",
            "cost",
            "send_adaptable",
            "volunteer_email",
            "requirements");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final String TITLE = "Import volunteers or offers";
    private static final List<String> OFFER_REQUIRED =
            List.of("type", "year_from", "year_to", "pupils", "from", "until");

    private final VolunteerRepository volunteers;
    private final VolunteerChanges volunteerChanges;
    private final EmployerOfferChanges offerChanges;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    /** @param employer the organisation {@code :employerId} names */
    public ImportRoutes(
            VolunteerRepository volunteers,
            VolunteerChanges volunteerChanges,
            EmployerOfferChanges offerChanges,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.volunteers = volunteers;
        this.volunteerChanges = volunteerChanges;
        this.offerChanges = offerChanges;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.get("/import", this::initImport);
        employer.uploads().post("/import/volunteers", this::processVolunteerImport);
        employer.uploads().loading(this.employer).post("/import/offers", this::processOfferImport);
    }

    public void initImport(RoutingContext ctx) {
        templates.render(ctx, "employer/import", TITLE, page(ctx, null, null, 200));
    }

    public void processVolunteerImport(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        CsvImport<VolunteerDetails> file =
                CsvImport.check(CsvImport.textOf(ctx, "file", "csv"), List.of("name", "email"), new VolunteerRows());
        if (!readyToSave(ctx, file, "volunteers")) {
            return;
        }
        long added = blocking.call(
                () -> volunteerChanges.importAll(CurrentUser.actor(ctx), employerId, file.valid(), file.badRows()));
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " volunteers: " + added + " new, "
                        + (file.valid().size() - added) + " updated" + skipped(file) + ".");
        ctx.redirect("/employers/" + employerId + "#volunteers");
    }

    public void processOfferImport(RoutingContext ctx) {
        Employer importing = employer.of(ctx);
        long employerId = importing.id();
        List<Volunteer> theirs = blocking.call(() -> volunteers.findByEmployer(employerId));
        CsvImport<EmployerOfferChanges.NewOffer> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"),
                OFFER_REQUIRED,
                new OfferRows(importing, theirs, LocalDate.now(clock)));
        if (!readyToSave(ctx, file, "offers")) {
            return;
        }
        blocking.call(() -> {
            offerChanges.importAll(CurrentUser.actor(ctx), employerId, file.valid(), file.badRows());
            return null;
        });
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " offers; they are live for the next matching round" + skipped(file)
                        + ".");
        ctx.redirect("/employers/" + employerId + "#offers");
    }

    /** Shows the preview unless the person asked to save and may; true when they may. */
    private boolean readyToSave(RoutingContext ctx, CsvImport<?> file, String kind) {
        Form form = Form.of(ctx);
        if (file.saveNow(form)) {
            return true;
        }
        int status = file.previewStatus(form);
        templates.render(ctx, status, "employer/import", TITLE, page(ctx, file, kind, status));
        return false;
    }

    private static String skipped(CsvImport<?> file) {
        return file.badRows() == 0 ? "" : "; " + file.badRows() + " rows with errors were skipped";
    }

    /** The page, with the preview of {@code file} when one was sent (as CsvImport.previewModel has it). */
    private static ImportPage page(RoutingContext ctx, CsvImport<?> file, String kind, int status) {
        long employerId = PathId.required(ctx, "employerId");
        return new ImportPage(
                employerId,
                String.join(",", VOLUNTEER_COLUMNS),
                String.join(",", OFFER_COLUMNS),
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList(),
                kind,
                file == null ? null : "/employers/" + employerId + "/import/" + kind,
                file,
                file == null ? null : file.problem().orElse(null),
                file == null ? 0 : file.valid().size(),
                file == null ? 0 : file.badRows(),
                file != null && status == 422 && file.problem().isEmpty());
    }

    private static final class VolunteerRows implements CsvImport.RowShape<VolunteerDetails> {
        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("name", row.get("name"))
                    .add("email", row.get("email"))
                    .add("safeguardingUntil", isoDate(row.get("safeguarding_checked_until")));
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

    private record OfferRows(Employer employer, List<Volunteer> volunteers, LocalDate today)
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
                    .add("from", isoDate(row.get("from")))
                    .add("until", isoDate(row.get("until")))
                    .add(
                            "dates",
                            String.join(
                                    "\n",
                                    Arrays.stream(row.get("dates").split("[\\s;|]+"))
                                            .filter(d -> !d.isBlank())
                                            .map(ImportRoutes::isoDate)
                                            .toList()))
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
            if (List.of("yes", "y", "true", "1")
                    .contains(row.get("send_adaptable").toLowerCase(Locale.ROOT))) {
                fields.add("sendAdaptable", "true");
            }
            return fields;
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

    /** Spreadsheets in the UK write 15/03/2027; the form reads 2027-03-15. */
    static String isoDate(String value) {
        var uk = UK_DATE.matcher(value.strip());
        return uk.matches()
                ? String.format(
                        "%s-%02d-%02d", uk.group(3), Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)))
                : value.strip();
    }
}
