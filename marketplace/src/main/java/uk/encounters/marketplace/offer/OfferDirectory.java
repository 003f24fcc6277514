package uk.encounters.marketplace.offer;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SortField;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.matcher.domain.EncounterType;

/**
 * The provider directory: the hub's live offers as careers leaders and coordinators search them,
 * nearest first. It shows organisations, never the volunteers behind the offers, so no name or
 * email of a person is read here.
 */
public final class OfferDirectory {

    /** More than anyone reads; a longer list asks for a narrower search. */
    public static final int LIMIT = 200;

    /**
     * A search within one hub among offers still running on {@code today}. Every filter is
     * optional (null: any). Distances are measured from the origin, usually the school searching;
     * without one the list is by employer name.
     */
    public record Query(
            long hubId,
            LocalDate today,
            EncounterType type,
            String sector,
            Integer yearGroup,
            Double originLatitude,
            Double originLongitude,
            Double maxKm,
            LocalDate date) {

        public static Query inHub(long hubId, LocalDate today) {
            return new Query(hubId, today, null, null, null, null, null, null, null);
        }

        public Query withType(EncounterType type) {
            return new Query(hubId, today, type, sector, yearGroup, originLatitude, originLongitude, maxKm, date);
        }

        public Query withSector(String sector) {
            return new Query(hubId, today, type, sector, yearGroup, originLatitude, originLongitude, maxKm, date);
        }

        public Query withYearGroup(Integer yearGroup) {
            return new Query(hubId, today, type, sector, yearGroup, originLatitude, originLongitude, maxKm, date);
        }

        public Query from(Double latitude, Double longitude) {
            return new Query(hubId, today, type, sector, yearGroup, latitude, longitude, maxKm, date);
        }

        public Query within(Double km) {
            return new Query(hubId, today, type, sector, yearGroup, originLatitude, originLongitude, km, date);
        }

        public Query on(LocalDate date) {
            return new Query(hubId, today, type, sector, yearGroup, originLatitude, originLongitude, maxKm, date);
        }

        public boolean hasOrigin() {
            return originLatitude != null && originLongitude != null;
        }
    }

    /** What was found: at most {@link #LIMIT} listings, and whether more matched. */
    public record Results(List<Listing> listings, boolean more) {}

    private final DSLContext dsl;

    public OfferDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Results search(Query query) {
        Field<Double> distance = query.hasOrigin()
                ? GreatCircleDistance.kmFrom(
                        query.originLatitude(), query.originLongitude(), EMPLOYER.LATITUDE, EMPLOYER.LONGITUDE)
                : inline(null, Double.class);
        List<SortField<?>> order = query.hasOrigin()
                ? List.of(distance.asc().nullsLast(), EMPLOYER.NAME.asc(), OFFER.ID.asc())
                : List.of(EMPLOYER.NAME.asc(), OFFER.ID.asc());
        List<Listing> found = dsl.select(
                        OFFER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.POSTCODE.convertFrom(p -> p == null ? null : PostcodeDistrict.of(p)),
                        OFFER.TITLE,
                        OFFER.TOPICS,
                        OFFER.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        OFFER.SECTOR,
                        OFFER.YEAR_GROUP_MIN.convertFrom(Short::intValue),
                        OFFER.YEAR_GROUP_MAX.convertFrom(Short::intValue),
                        OFFER.IN_SCHOOL,
                        OFFER.AT_WORKPLACE,
                        OFFER.ONLINE,
                        OFFER.PUPILS_MIN,
                        OFFER.PUPILS_MAX,
                        OFFER.AVAILABLE_FROM,
                        OFFER.AVAILABLE_UNTIL,
                        weekdays(),
                        particularDates(),
                        distance,
                        OFFER.COST_PER_SESSION_PENCE,
                        OFFER.SEND_ADAPTABLE)
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(matching(query, distance))
                .orderBy(order)
                .limit(LIMIT + 1)
                .fetch(Records.mapping(Listing::new));
        return found.size() > LIMIT ? new Results(found.subList(0, LIMIT), true) : new Results(found, false);
    }

    private static Condition matching(Query query, Field<Double> distance) {
        return OFFER.STATUS
                .eq(OfferStatus.ACTIVE)
                .and(OFFER.HUB_ID.eq(query.hubId()))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                // an offer stays 'active' after its last date until someone withdraws it
                .and(OFFER.AVAILABLE_UNTIL.ge(query.today()))
                .and(
                        query.type() == null
                                ? noCondition()
                                : OFFER.ENCOUNTER_TYPE.eq(query.type().code()))
                .and(query.sector() == null ? noCondition() : OFFER.SECTOR.eq(query.sector()))
                .and(
                        query.yearGroup() == null
                                ? noCondition()
                                : val(query.yearGroup().shortValue())
                                        .between(OFFER.YEAR_GROUP_MIN, OFFER.YEAR_GROUP_MAX))
                .and(query.date() == null ? noCondition() : availableOn(query.date()))
                // an offer whose place is unknown cannot be shown to be within reach
                .and(query.maxKm() == null || !query.hasOrigin() ? noCondition() : distance.le(query.maxKm()));
    }

    private static Field<List<DayOfWeek>> weekdays() {
        return multiset(selectDistinct(OFFER_AVAILABILITY.WEEKDAY.convertFrom(DayOfWeek::of))
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID))
                        .and(OFFER_AVAILABILITY.WEEKDAY.isNotNull())
                        .orderBy(OFFER_AVAILABILITY.WEEKDAY))
                .convertFrom(r -> r.map(Record1::value1));
    }

    private static Field<List<LocalDate>> particularDates() {
        return multiset(selectDistinct(OFFER_AVAILABILITY.AVAILABLE_ON)
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID))
                        .and(OFFER_AVAILABILITY.AVAILABLE_ON.isNotNull())
                        .orderBy(OFFER_AVAILABILITY.AVAILABLE_ON))
                .convertFrom(r -> r.map(Record1::value1));
    }

    /** Within the offer's dates, on a weekday it comes or on one of its particular dates. */
    private static Condition availableOn(LocalDate date) {
        return OFFER.AVAILABLE_FROM
                .le(date)
                .and(OFFER.AVAILABLE_UNTIL.ge(date))
                .and(exists(selectOne()
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(OFFER.ID))
                        .and(OFFER_AVAILABILITY.AVAILABLE_ON.eq(date).or(OFFER_AVAILABILITY.WEEKDAY.eq((short)
                                date.getDayOfWeek().getValue())))));
    }
}
