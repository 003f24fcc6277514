package uk.encounters.marketplace.request;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.jooq.tables.records.RequestRecord;
import uk.encounters.matcher.domain.EncounterType;

/** A school's requests for encounters. Only open requests change; matched ones show their bookings. */
public final class RequestRepository {

    /** Sector names hold commas, so a request's preferred sectors are stored separated by a bar. */
    static final String SECTOR_SEPARATOR = "|";

    /** A request as the school's list shows it. */
    public record RequestSummary(
            long id,
            RequestStatus status,
            EncounterType type,
            int yearGroup,
            int pupils,
            int sessions,
            LocalDate windowStart,
            LocalDate windowEnd,
            int liveBookings) {

        public boolean open() {
            return status == RequestStatus.OPEN;
        }

        public String typeLabel() {
            return type.label();
        }
    }

    public record StoredRequest(long id, long schoolId, RequestStatus status, RequestDetails details) {}

    private final DSLContext dsl;

    public RequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long create(long schoolId, RequestDetails request) {
        RequestRecord record = dsl.newRecord(REQUEST);
        record.setSchoolId(schoolId);
        record.setStatus(RequestStatus.OPEN);
        fill(record, request);
        record.insert();
        return record.getId();
    }

    /** True when it was still open, and so could change. */
    public boolean update(long schoolId, long requestId, RequestDetails request) {
        RequestRecord record = dsl.fetchOne(
                REQUEST,
                REQUEST.ID
                        .eq(requestId)
                        .and(REQUEST.SCHOOL_ID.eq(schoolId))
                        .and(REQUEST.STATUS.eq(RequestStatus.OPEN)));
        if (record == null) {
            return false;
        }
        fill(record, request);
        return record.update() == 1;
    }

    /** True when it was open; a matched request is cancelled by declining its bookings. */
    public boolean cancel(long schoolId, long requestId) {
        return dsl.update(REQUEST)
                        .set(REQUEST.STATUS, RequestStatus.CANCELLED)
                        .where(REQUEST.ID.eq(requestId))
                        .and(REQUEST.SCHOOL_ID.eq(schoolId))
                        .and(REQUEST.STATUS.eq(RequestStatus.OPEN))
                        .execute()
                == 1;
    }

    public List<RequestSummary> findBySchool(long schoolId) {
        var live = DSL.field(DSL.selectCount()
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .and(BOOKING.STATUS.in(BookingStatus.HELD)));
        return dsl.select(
                        REQUEST.ID,
                        REQUEST.STATUS,
                        REQUEST.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        REQUEST.YEAR_GROUP.convertFrom(Short::intValue),
                        REQUEST.PUPILS,
                        REQUEST.SESSIONS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END,
                        live)
                .from(REQUEST)
                .where(REQUEST.SCHOOL_ID.eq(schoolId))
                .orderBy(
                        DSL.when(REQUEST.STATUS.eq(RequestStatus.OPEN), 0)
                                .when(REQUEST.STATUS.eq(RequestStatus.MATCHED), 1)
                                .else_(2),
                        REQUEST.WINDOW_START,
                        REQUEST.ID)
                .fetch(mapping(RequestSummary::new));
    }

    public Optional<StoredRequest> findStored(long schoolId, long requestId) {
        return dsl.fetchOptional(REQUEST, REQUEST.ID.eq(requestId).and(REQUEST.SCHOOL_ID.eq(schoolId)))
                .map(r -> new StoredRequest(
                        r.getId(),
                        r.getSchoolId(),
                        r.getStatus(),
                        new RequestDetails(
                                EncounterType.fromCode(r.getEncounterType()),
                                r.getYearGroup(),
                                r.getPupils(),
                                r.getSessions(),
                                r.getWindowStart(),
                                r.getWindowEnd(),
                                r.getMorning(),
                                r.getAfternoon(),
                                r.getInSchool(),
                                r.getAtWorkplace(),
                                r.getOnline(),
                                preferredSectors(r.getPreferredSectors()),
                                r.getPreferredEmployerId(),
                                r.getSendAdjustments(),
                                r.getNotes(),
                                r.getNotesForVolunteer())));
    }

    /** Organisations that have given this school bookings before: the ones it may prefer again. */
    public Map<Long, String> employersWorkedWith(long schoolId) {
        return dsl.selectDistinct(EMPLOYER.ID, EMPLOYER.NAME)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(REQUEST.SCHOOL_ID.eq(schoolId))
                .and(BOOKING.STATUS.in(BookingStatus.CONFIRMED, BookingStatus.DELIVERED))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .orderBy(EMPLOYER.NAME)
                .fetchMap(EMPLOYER.ID, EMPLOYER.NAME);
    }

    private static void fill(RequestRecord record, RequestDetails request) {
        record.setEncounterType(request.type().code());
        record.setYearGroup((short) request.yearGroup());
        record.setPupils(request.pupils());
        record.setSessions(request.placement() ? 1 : request.sessions());
        record.setWindowStart(request.windowStart());
        record.setWindowEnd(request.windowEnd());
        record.setMorning(request.mornings());
        record.setAfternoon(request.afternoons());
        record.setInSchool(request.inSchool());
        record.setAtWorkplace(request.atWorkplace());
        record.setOnline(request.online());
        // sector names hold commas ("Health, care and social work"), so a bar separates them
        record.setPreferredSectors(
                request.preferredSectors().isEmpty()
                        ? null
                        : String.join(SECTOR_SEPARATOR, request.preferredSectors()));
        record.setPreferredEmployerId(request.preferredEmployerId());
        record.setSendAdjustments(request.sendAdjustments().isBlank() ? null : request.sendAdjustments());
        record.setNotes(request.notes().isBlank() ? null : request.notes());
        record.setNotesForVolunteer(request.notesForVolunteer().isBlank() ? null : request.notesForVolunteer());
    }

    /** A request's preferred sectors as stored (null when any will do). */
    public static List<String> preferredSectors(String stored) {
        return stored == null || stored.isBlank()
                ? List.of()
                : Arrays.asList(stored.split(Pattern.quote(SECTOR_SEPARATOR)));
    }
}
