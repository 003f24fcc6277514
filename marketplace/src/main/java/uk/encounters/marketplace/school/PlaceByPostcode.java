package uk.encounters.marketplace.school;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.avg;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Where a postcode in a hub is, without a geocoder: the average position of the hub's schools in
 * its district, else of all its schools. Near enough for travel limits measured in kilometres,
 * and corrected when a coordinator sets it.
 *
 * @param latitude  null (with {@code longitude}) when none of the hub's schools has a position
 */
public record PlaceByPostcode(Double latitude, Double longitude) {

    public static PlaceByPostcode of(DSLContext dsl, long hubId, String district) {
        PlaceByPostcode inDistrict = schoolsAverage(dsl, hubId, SCHOOL.POSTCODE.like(district + " %"));
        return inDistrict.latitude() != null ? inDistrict : schoolsAverage(dsl, hubId, DSL.noCondition());
    }

    private static PlaceByPostcode schoolsAverage(DSLContext dsl, long hubId, Condition which) {
        return dsl.select(
                        avg(SCHOOL.LATITUDE).cast(Double.class),
                        avg(SCHOOL.LONGITUDE).cast(Double.class))
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(SCHOOL.LATITUDE.isNotNull())
                .and(which)
                .fetchOne(mapping(PlaceByPostcode::new));
    }
}
