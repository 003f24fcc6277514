package uk.encounters.marketplace.offer;

import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record9;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.jooq.tables.records.OfferRecord;
import uk.encounters.matcher.domain.EncounterType;

public final class OfferRepository {

    /** An offer as its employer's page lists it. */
    public record OfferSummary(
            long id,
            long employerId,
            String type,
            String title,
            OfferStatus status,
            int pupilsMax,
            LocalDate availableFrom,
            LocalDate availableUntil,
            int availabilityRows) {

        public String typeLabel() {
            return EncounterType.fromCode(type).label();
        }

        public boolean pending() {
            return status == OfferStatus.PENDING;
        }

        public boolean active() {
            return status == OfferStatus.ACTIVE;
        }

        public boolean paused() {
            return status == OfferStatus.PAUSED;
        }

        public boolean withdrawn() {
            return status == OfferStatus.WITHDRAWN;
        }
    }

    /** An offer as its edit form shows it. */
    public record StoredOffer(long id, long employerId, Long volunteerId, OfferStatus status, OfferDetails details) {}

    private final DSLContext dsl;

    public OfferRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Writes an offer and its availability; from the public form it waits, pending, for the emailed
     * link. It is made to one hub the employer works with, and only that hub's rounds book it.
     */
    public long create(long employerId, long hubId, Long volunteerId, OfferDetails offer, OfferStatus status) {
        OfferRecord record = dsl.newRecord(OFFER);
        record.setEmployerId(employerId);
        record.setHubId(hubId);
        record.setStatus(status);
        fill(record, volunteerId, offer);
        record.insert();
        writeAvailability(record.getId(), offer);
        return record.getId();
    }

    /** Replaces what the offer gives and when; bookings already made keep their dates. */
    public void update(long offerId, Long volunteerId, OfferDetails offer) {
        OfferRecord record = dsl.fetchSingle(OFFER, OFFER.ID.eq(offerId));
        fill(record, volunteerId, offer);
        record.update();
        dsl.deleteFrom(OFFER_AVAILABILITY)
                .where(OFFER_AVAILABILITY.OFFER_ID.eq(offerId))
                .execute();
        writeAvailability(offerId, offer);
    }

    /**
     * Pauses, resumes or withdraws an offer. A withdrawn offer stays withdrawn: its history is
     * kept for the bookings made from it. True when the status changed.
     */
    public boolean changeStatus(long offerId, OfferStatus to) {
        return dsl.update(OFFER)
                        .set(OFFER.STATUS, to)
                        .where(OFFER.ID.eq(offerId))
                        .and(OFFER.STATUS.in(to.reachableFrom()))
                        .execute()
                == 1;
    }

    public Optional<OfferSummary> findById(long offerId) {
        return summaries().where(OFFER.ID.eq(offerId)).fetchOptional(Records.mapping(OfferSummary::new));
    }

    /** The organisation's offers, but for those of people still asking to join it (shown as their requests). */
    public List<OfferSummary> findByEmployer(long employerId) {
        return summaries()
                .where(OFFER.EMPLOYER_ID.eq(employerId))
                .andNotExists(DSL.selectOne()
                        .from(ORGANISATION_JOIN)
                        .where(ORGANISATION_JOIN.OFFER_ID.eq(OFFER.ID))
                        .and(ORGANISATION_JOIN.DECISION.isNull()))
                .orderBy(
                        DSL.when(OFFER.STATUS.eq(OfferStatus.WITHDRAWN), 1).else_(0),
                        OFFER.CREATED_AT.desc(),
                        OFFER.ID.desc())
                .fetch(Records.mapping(OfferSummary::new));
    }

    public Optional<StoredOffer> findStored(long offerId) {
        return dsl.fetchOptional(OFFER, OFFER.ID.eq(offerId)).map(offer -> {
            List<LocalDate> dates = new ArrayList<>();
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            boolean mornings = false;
            boolean afternoons = false;
            for (var row : dsl.fetch(OFFER_AVAILABILITY, OFFER_AVAILABILITY.OFFER_ID.eq(offerId))) {
                if (row.getAvailableOn() != null && !dates.contains(row.getAvailableOn())) {
                    dates.add(row.getAvailableOn());
                }
                if (row.getWeekday() != null) {
                    weekdays.add(DayOfWeek.of(row.getWeekday()));
                }
                mornings |= !row.getPeriod().equals("afternoon");
                afternoons |= !row.getPeriod().equals("morning");
            }
            dates.sort(null);
            EncounterType type = EncounterType.fromCode(offer.getEncounterType());
            OfferDetails details = new OfferDetails(
                    type,
                    offer.getTitle(),
                    offer.getTopics(),
                    offer.getSector(),
                    offer.getYearGroupMin(),
                    offer.getYearGroupMax(),
                    offer.getPlaces() != null ? offer.getPlaces() : offer.getPupilsMax(),
                    offer.getMaxSessions(),
                    offer.getInSchool(),
                    offer.getAtWorkplace(),
                    offer.getOnline(),
                    offer.getInteractive(),
                    offer.getSharedOnline(),
                    offer.getTravelRadiusKm().intValue(),
                    offer.getAvailableFrom(),
                    offer.getAvailableUntil(),
                    weekdays,
                    mornings || !afternoons,
                    afternoons,
                    dates,
                    offer.getSendAdaptable(),
                    offer.getCostPerSessionPence(),
                    offer.getRequirements());
            return new StoredOffer(offerId, offer.getEmployerId(), offer.getVolunteerId(), offer.getStatus(), details);
        });
    }

    /** A pending offer goes live; true when it was pending. */
    public boolean activate(long offerId) {
        return dsl.update(OFFER)
                        .set(OFFER.STATUS, OfferStatus.ACTIVE)
                        .where(OFFER.ID.eq(offerId))
                        .and(OFFER.STATUS.eq(OfferStatus.PENDING))
                        .execute()
                == 1;
    }

    private static void fill(OfferRecord record, Long volunteerId, OfferDetails offer) {
        boolean placement = offer.type() == EncounterType.WORK_EXPERIENCE;
        record.setVolunteerId(volunteerId);
        record.setEncounterType(offer.type().code());
        record.setTitle(offer.title());
        record.setTopics(offer.topics().isBlank() ? null : offer.topics());
        record.setSector(offer.sector());
        record.setYearGroupMin((short) offer.yearGroupFrom());
        record.setYearGroupMax((short) offer.yearGroupTo());
        record.setInSchool(offer.inSchool());
        record.setAtWorkplace(offer.atWorkplace());
        record.setOnline(offer.online());
        record.setInteractive(offer.interactive());
        record.setSharedOnline(offer.sharedOnline());
        record.setPupilsMin(1);
        record.setPupilsMax(offer.pupilsPerSession());
        record.setPlaces(placement ? offer.pupilsPerSession() : null);
        record.setMaxSessions(offer.sessions());
        record.setTravelRadiusKm(BigDecimal.valueOf(offer.travelRadiusKm()));
        record.setCostPerSessionPence(offer.costPerSessionPence());
        record.setSendAdaptable(offer.sendAdaptable());
        record.setRequirements(offer.requirements().isBlank() ? null : offer.requirements());
        record.setAvailableFrom(offer.availableFrom());
        record.setAvailableUntil(offer.availableUntil());
    }

    private void writeAvailability(long offerId, OfferDetails offer) {
        var insert = dsl.insertInto(
                OFFER_AVAILABILITY,
                OFFER_AVAILABILITY.OFFER_ID,
                OFFER_AVAILABILITY.AVAILABLE_ON,
                OFFER_AVAILABILITY.WEEKDAY,
                OFFER_AVAILABILITY.PERIOD);
        for (String period : offer.periods()) {
            for (LocalDate date : offer.specificDates()) {
                insert = insert.values(offerId, date, null, period);
            }
            for (DayOfWeek weekday : offer.weekdays()) {
                insert = insert.values(offerId, null, (short) weekday.getValue(), period);
            }
        }
        insert.execute();
    }

    private SelectJoinStep<Record9<Long, Long, String, String, OfferStatus, Integer, LocalDate, LocalDate, Integer>>
            summaries() {
        var rows =
                DSL.field(DSL.selectCount().from(OFFER_AVAILABILITY).where(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID)));
        return dsl.select(
                        OFFER.ID,
                        OFFER.EMPLOYER_ID,
                        OFFER.ENCOUNTER_TYPE,
                        OFFER.TITLE,
                        OFFER.STATUS,
                        OFFER.PUPILS_MAX,
                        OFFER.AVAILABLE_FROM,
                        OFFER.AVAILABLE_UNTIL,
                        rows)
                .from(OFFER);
    }
}
