package uk.encounters.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The rows of one hub, written on the loading transaction's connection: ids taken from the
 * identity sequences first, then each table streamed in with COPY, parents before children.
 * Pupils and encounters come straight from the roll as they are made.
 */
final class HubCopy {

    private final Connection connection;
    private final DemoHub hub;
    private final long hubId;

    HubCopy(Connection connection, DemoHub hub, long hubId) {
        this.connection = connection;
        this.hub = hub;
        this.hubId = hubId;
    }

    RowCounts write() throws SQLException {
        long[] schoolIds =
                IdentitySequence.reserve(connection, "school", hub.schools().size());
        long[] employerIds =
                IdentitySequence.reserve(connection, "employer", hub.employers().size());
        long[] volunteerIds = IdentitySequence.reserve(
                connection, "volunteer", hub.volunteers().size());
        long[] offerIds =
                IdentitySequence.reserve(connection, "offer", hub.offers().size());
        long[] requestIds =
                IdentitySequence.reserve(connection, "request", hub.requests().size());
        long[] bookingIds =
                IdentitySequence.reserve(connection, "booking", hub.bookings().size());
        int[] firstPupil = new int[hub.schools().size()];
        int pupils = 0;
        for (int s = 0; s < firstPupil.length; s++) {
            firstPupil[s] = pupils;
            pupils += hub.schools().get(s).pupils();
        }
        long[] pupilIds = IdentitySequence.reserve(connection, "pupil", pupils);

        long schools = copySchools(schoolIds);
        long budgets = copyBudgets(schoolIds);
        long employers = copyEmployers(employerIds);
        copyPresences(employerIds);
        long volunteers = copyVolunteers(volunteerIds, employerIds);
        long offers = copyOffers(offerIds, employerIds, volunteerIds);
        long availability = copyAvailability(offerIds);
        long requests = copyRequests(requestIds, schoolIds);
        long bookings = copyBookings(bookingIds, requestIds, offerIds, volunteerIds);
        long pupilRows = copyPupils(pupilIds, firstPupil, schoolIds);
        long bookingPupils = copyBookingPupils(bookingIds, pupilIds, firstPupil);
        long encounters = copyEncounters(bookingIds, pupilIds, firstPupil);
        return new RowCounts(
                1,
                schools,
                budgets,
                pupilRows,
                employers,
                volunteers,
                offers,
                availability,
                requests,
                bookings,
                bookingPupils,
                encounters);
    }

    private long copySchools(long[] ids) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "school",
                "id",
                "hub_id",
                "urn",
                "name",
                "phase",
                "postcode",
                "latitude",
                "longitude",
                "free_school_meals_percent",
                "deprivation_decile")) {
            for (int s = 0; s < ids.length; s++) {
                SchoolProfile school = hub.schools().get(s);
                copy.row(
                        ids[s],
                        hubId,
                        school.urn(),
                        school.name(),
                        school.phase(),
                        school.postcode(),
                        school.latitude(),
                        school.longitude(),
                        school.freeSchoolMealsPercent(),
                        school.deprivationDecile());
            }
            return copy.finish();
        }
    }

    private long copyBudgets(long[] schoolIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "school_budget",
                "school_id",
                "academic_year",
                "funder",
                "amount_pence",
                "committed_pence",
                "spent_pence")) {
            for (DemoHub.Budget budget : hub.budgets()) {
                copy.row(
                        schoolIds[budget.school()],
                        budget.academicYear(),
                        budget.funder(),
                        budget.amountPence(),
                        budget.committedPence(),
                        budget.spentPence());
            }
            return copy.finish();
        }
    }

    private long copyEmployers(long[] ids) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "employer",
                "id",
                "registered_in_hub_id",
                "name",
                "normalised_name",
                "email_domain",
                "postcode",
                "latitude",
                "longitude",
                "size_band",
                "sector")) {
            for (int e = 0; e < ids.length; e++) {
                DemoHub.Employer employer = hub.employers().get(e);
                copy.row(
                        ids[e],
                        hubId,
                        employer.name(),
                        employer.normalisedName(),
                        employer.emailDomain(),
                        employer.postcode(),
                        employer.latitude(),
                        employer.longitude(),
                        employer.sizeBand().code(),
                        employer.sector());
            }
            return copy.finish();
        }
    }

    /** Each employer works with the hub that registered it, and only that one. */
    private long copyPresences(long[] employerIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection, "employer_hub_presence", "employer_id", "hub_id", "cornerstone", "max_asks_per_month")) {
            for (int e = 0; e < employerIds.length; e++) {
                DemoHub.Employer employer = hub.employers().get(e);
                copy.row(employerIds[e], hubId, employer.cornerstone(), employer.maxAsksPerMonth());
            }
            return copy.finish();
        }
    }

    private long copyVolunteers(long[] ids, long[] employerIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection, "volunteer", "id", "employer_id", "name", "email", "safeguarding_checked_until")) {
            for (int v = 0; v < ids.length; v++) {
                DemoHub.Volunteer volunteer = hub.volunteers().get(v);
                copy.row(
                        ids[v],
                        employerIds[volunteer.employer()],
                        volunteer.name(),
                        volunteer.email(),
                        volunteer.safeguardingCheckedUntil());
            }
            return copy.finish();
        }
    }

    private long copyOffers(long[] ids, long[] employerIds, long[] volunteerIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "offer",
                "id",
                "employer_id",
                "hub_id",
                "volunteer_id",
                "encounter_type",
                "title",
                "topics",
                "sector",
                "year_group_min",
                "year_group_max",
                "in_school",
                "at_workplace",
                "online",
                "pupils_min",
                "pupils_max",
                "places",
                "max_sessions",
                "travel_radius_km",
                "cost_per_session_pence",
                "send_adaptable",
                "status",
                "available_from",
                "available_until")) {
            for (int o = 0; o < ids.length; o++) {
                DemoHub.Offer offer = hub.offers().get(o);
                copy.row(
                        ids[o],
                        employerIds[offer.employer()],
                        hubId,
                        offer.volunteer() == null ? null : volunteerIds[offer.volunteer()],
                        offer.type().code(),
                        offer.title(),
                        offer.topics(),
                        offer.sector(),
                        offer.yearGroupMin(),
                        offer.yearGroupMax(),
                        offer.inSchool(),
                        offer.atWorkplace(),
                        offer.online(),
                        offer.pupilsMin(),
                        offer.pupilsMax(),
                        offer.places(),
                        offer.maxSessions(),
                        offer.travelRadiusKm(),
                        offer.costPerSessionPence(),
                        offer.sendAdaptable(),
                        offer.status(),
                        offer.availableFrom(),
                        offer.availableUntil());
            }
            return copy.finish();
        }
    }

    private long copyAvailability(long[] offerIds) throws SQLException {
        try (TableCopy copy =
                TableCopy.into(connection, "offer_availability", "offer_id", "available_on", "weekday", "period")) {
            for (DemoHub.Availability row : hub.availability()) {
                copy.row(offerIds[row.offer()], row.availableOn(), row.weekday(), row.period());
            }
            return copy.finish();
        }
    }

    private long copyRequests(long[] ids, long[] schoolIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "request",
                "id",
                "school_id",
                "year_group",
                "encounter_type",
                "pupils",
                "sessions",
                "window_start",
                "window_end",
                "morning",
                "afternoon",
                "in_school",
                "at_workplace",
                "online",
                "preferred_sectors",
                "send_adjustments",
                "status")) {
            for (int r = 0; r < ids.length; r++) {
                DemoHub.Request request = hub.requests().get(r);
                copy.row(
                        ids[r],
                        schoolIds[request.school()],
                        request.yearGroup(),
                        request.type().code(),
                        request.pupils(),
                        request.sessions(),
                        request.windowStart(),
                        request.windowEnd(),
                        request.morning(),
                        request.afternoon(),
                        request.inSchool(),
                        request.atWorkplace(),
                        request.online(),
                        request.preferredSectors(),
                        request.sendAdjustments(),
                        request.status());
            }
            return copy.finish();
        }
    }

    private long copyBookings(long[] ids, long[] requestIds, long[] offerIds, long[] volunteerIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "booking",
                "id",
                "request_id",
                "offer_id",
                "encounter_type",
                "volunteer_id",
                "starts_on",
                "ends_on",
                "period",
                "pupils",
                "status",
                "pinned")) {
            for (int b = 0; b < ids.length; b++) {
                DemoHub.Booking booking = hub.bookings().get(b);
                copy.row(
                        ids[b],
                        requestIds[booking.request()],
                        offerIds[booking.offer()],
                        booking.type().code(),
                        volunteerIds[booking.volunteer()],
                        booking.startsOn(),
                        booking.endsOn(),
                        booking.period(),
                        booking.pupils(),
                        booking.status(),
                        booking.pinned());
            }
            return copy.finish();
        }
    }

    private long copyPupils(long[] pupilIds, int[] firstPupil, long[] schoolIds) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "pupil",
                "id",
                "school_id",
                "reference",
                "year_group",
                "disadvantaged",
                "send",
                "eal",
                "joined_on")) {
            forEach(
                    hub::forEachPupil,
                    pupil -> copy.row(
                            pupilIds[firstPupil[pupil.school()] + pupil.sequence() - 1],
                            schoolIds[pupil.school()],
                            pupil.reference(),
                            pupil.yearGroup(),
                            pupil.disadvantaged(),
                            pupil.send(),
                            pupil.eal(),
                            pupil.joinedOn()));
            return copy.finish();
        }
    }

    private long copyBookingPupils(long[] bookingIds, long[] pupilIds, int[] firstPupil) throws SQLException {
        try (TableCopy copy = TableCopy.into(connection, "booking_pupil", "booking_id", "pupil_id")) {
            for (DemoHub.BookingPupil row : hub.bookingPupils()) {
                copy.row(bookingIds[row.booking()], pupilIds[firstPupil[row.school()] + row.pupilSequence() - 1]);
            }
            return copy.finish();
        }
    }

    private long copyEncounters(long[] bookingIds, long[] pupilIds, int[] firstPupil) throws SQLException {
        try (TableCopy copy = TableCopy.into(
                connection,
                "encounter",
                "pupil_id",
                "booking_id",
                "encounter_type",
                "occurred_on",
                "attended",
                "provider_name",
                "hours")) {
            forEach(
                    hub::forEachEncounter,
                    encounter -> copy.row(
                            pupilIds[firstPupil[encounter.school()] + encounter.pupilSequence() - 1],
                            encounter.booking() == null ? null : bookingIds[encounter.booking()],
                            encounter.type().code(),
                            encounter.occurredOn(),
                            encounter.attended(),
                            encounter.providerName(),
                            encounter.hours() == null ? null : encounter.hours().value()));
            return copy.finish();
        }
    }

    private static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }
    }

    private interface RowWriter<T> {
        void write(T row) throws SQLException;
    }

    /** Lets a COPY's SQLException out of the roll's plain Consumer callbacks unchanged. */
    private static <T> void forEach(Consumer<Consumer<T>> rows, RowWriter<T> writer) throws SQLException {
        try {
            rows.accept(row -> {
                try {
                    writer.write(row);
                } catch (SQLException e) {
                    throw new CopyFailed(e);
                }
            });
        } catch (CopyFailed e) {
            throw (SQLException) e.getCause();
        }
    }
}
