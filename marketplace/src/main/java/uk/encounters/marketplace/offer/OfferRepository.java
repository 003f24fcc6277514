package uk.encounters.marketplace.offer;

import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.matcher.domain.EncounterType;

public final class OfferRepository {

    /** An offer as its employer's page lists it. */
    public record OfferSummary(long id, long employerId, String type, String title, String status, int pupilsMax,
                               LocalDate availableFrom, LocalDate availableUntil, int availabilityRows) {

        public String typeLabel() {
            return EncounterType.fromCode(type).label();
        }

        public boolean pending() {
            return "pending".equals(status);
        }
    }

    private final DSLContext dsl;

    public OfferRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes a pending offer and its availability; the employer confirms it by the emailed link. */
    public long createPending(long employerId, Long volunteerId, OfferSubmission offer) {
        long offerId = dsl.insertInto(OFFER)
                .set(OFFER.EMPLOYER_ID, employerId)
                .set(OFFER.VOLUNTEER_ID, volunteerId)
                .set(OFFER.ENCOUNTER_TYPE, offer.type().code())
                .set(OFFER.TITLE, offer.title())
                .set(OFFER.TOPICS, offer.topics().isBlank() ? null : offer.topics())
                .set(OFFER.SECTOR, offer.sector())
                .set(OFFER.YEAR_GROUP_MIN, (short) offer.yearGroupFrom())
                .set(OFFER.YEAR_GROUP_MAX, (short) offer.yearGroupTo())
                .set(OFFER.IN_SCHOOL, offer.inSchool())
                .set(OFFER.AT_WORKPLACE, offer.atWorkplace())
                .set(OFFER.ONLINE, offer.online())
                .set(OFFER.PUPILS_MIN, 1)
                .set(OFFER.PUPILS_MAX, offer.pupilsPerSession())
                .set(OFFER.PLACES, offer.type() == EncounterType.WORK_EXPERIENCE ? offer.pupilsPerSession() : null)
                .set(OFFER.MAX_SESSIONS, offer.sessions())
                .set(OFFER.TRAVEL_RADIUS_KM, java.math.BigDecimal.valueOf(offer.travelRadiusKm()))
                .set(OFFER.SEND_ADAPTABLE, offer.sendAdaptable())
                .set(OFFER.STATUS, "pending")
                .set(OFFER.AVAILABLE_FROM, offer.availableFrom())
                .set(OFFER.AVAILABLE_UNTIL, offer.availableUntil())
                .returning(OFFER.ID).fetchOne(OFFER.ID);
        var insert = dsl.insertInto(OFFER_AVAILABILITY, OFFER_AVAILABILITY.OFFER_ID, OFFER_AVAILABILITY.AVAILABLE_ON,
                OFFER_AVAILABILITY.WEEKDAY, OFFER_AVAILABILITY.PERIOD);
        for (String period : offer.periods()) {
            for (LocalDate date : offer.specificDates()) {
                insert = insert.values(offerId, date, null, period);
            }
            for (var weekday : offer.weekdays()) {
                insert = insert.values(offerId, null, (short) weekday.getValue(), period);
            }
        }
        insert.execute();
        return offerId;
    }

    public Optional<OfferSummary> findById(long offerId) {
        return summaries().where(OFFER.ID.eq(offerId)).fetchOptional(Records.mapping(OfferSummary::new));
    }

    public List<OfferSummary> findByEmployer(long employerId) {
        return summaries().where(OFFER.EMPLOYER_ID.eq(employerId)).orderBy(OFFER.CREATED_AT.desc(), OFFER.ID.desc())
                .fetch(Records.mapping(OfferSummary::new));
    }

    /** A pending offer goes live; true when it was pending. */
    public boolean activate(long offerId) {
        return dsl.update(OFFER).set(OFFER.STATUS, "active")
                .where(OFFER.ID.eq(offerId)).and(OFFER.STATUS.eq("pending")).execute() == 1;
    }

    private org.jooq.SelectJoinStep<org.jooq.Record9<Long, Long, String, String, String, Integer, LocalDate, LocalDate, Integer>> summaries() {
        var rows = org.jooq.impl.DSL.field(org.jooq.impl.DSL.selectCount().from(OFFER_AVAILABILITY)
                .where(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID)));
        return dsl.select(OFFER.ID, OFFER.EMPLOYER_ID, OFFER.ENCOUNTER_TYPE, OFFER.TITLE, OFFER.STATUS, OFFER.PUPILS_MAX,
                OFFER.AVAILABLE_FROM, OFFER.AVAILABLE_UNTIL, rows).from(OFFER);
    }
}
