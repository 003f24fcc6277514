package uk.encounters.matcher.domain;

/** A point on the map (WGS84). Distances are great-circle, which is close enough at city scale. */
public record Location(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public double kmTo(Location other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(other.latitude))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
