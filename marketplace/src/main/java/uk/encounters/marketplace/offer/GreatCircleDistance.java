package uk.encounters.marketplace.offer;

import static org.jooq.impl.DSL.asin;
import static org.jooq.impl.DSL.cos;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.rad;
import static org.jooq.impl.DSL.sin;
import static org.jooq.impl.DSL.sqrt;
import static org.jooq.impl.DSL.square;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import org.jooq.Field;

/**
 * The distance over the Earth's surface between two points, by the haversine formula, in SQL:
 * a few metres out at most across a county, and PostgreSQL needs no extension for it.
 */
final class GreatCircleDistance {

    /** Mean radius of the Earth. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircleDistance() {}

    /** Kilometres from a fixed point to the point in two columns; null where those are null. */
    static Field<Double> kmFrom(
            double latitude, double longitude, Field<Double> toLatitude, Field<Double> toLongitude) {
        Field<Double> lat = val(latitude);
        Field<Double> lon = val(longitude);
        Field<BigDecimal> halfChordSquared = square(
                        sin(rad(toLatitude.minus(lat)).div(inline(2))))
                .plus(cos(rad(lat))
                        .times(cos(rad(toLatitude)))
                        .times(square(sin(rad(toLongitude.minus(lon)).div(inline(2))))));
        // Rounding can take it just past 1 for points on opposite sides of the Earth, where asin
        // fails. Not least(...): PostgreSQL's least ignores nulls, and an unknown place must stay null.
        Field<BigDecimal> capped = when(halfChordSquared.gt(inline(BigDecimal.ONE)), inline(BigDecimal.ONE))
                .otherwise(halfChordSquared);
        return inline(2 * EARTH_RADIUS_KM).times(asin(sqrt(capped))).cast(Double.class);
    }
}
