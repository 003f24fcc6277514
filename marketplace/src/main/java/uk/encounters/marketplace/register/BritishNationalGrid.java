package uk.encounters.marketplace.register;

/**
 * An Ordnance Survey National Grid reference (easting, northing in metres, OSGB36), turned into
 * WGS84 latitude and longitude. The DfE register gives a school's place only as Easting and
 * Northing. The inverse transverse Mercator projection on the Airy 1830 ellipsoid, then a
 * Helmert shift to WGS84: within a few metres, far finer than the kilometres matching works in.
 */
public record BritishNationalGrid(double easting, double northing) {

    /** Latitude and longitude in degrees, WGS84. */
    public record LatLong(double latitude, double longitude) {}

    // Airy 1830 ellipsoid and the National Grid's projection
    private static final double AIRY_A = 6_377_563.396;
    private static final double AIRY_B = 6_356_256.909;
    private static final double SCALE = 0.9996012717;
    private static final double ORIGIN_LATITUDE = Math.toRadians(49);
    private static final double ORIGIN_LONGITUDE = Math.toRadians(-2);
    private static final double FALSE_NORTHING = -100_000;
    private static final double FALSE_EASTING = 400_000;
    // GRS80 / WGS84 ellipsoid
    private static final double WGS84_A = 6_378_137.0;
    private static final double WGS84_B = 6_356_752.3142;

    /** Inside the grid's square (0-700 km east, 0-1300 km north): anything else is not a place in Britain. */
    public boolean inBritain() {
        return easting > 0 && easting < 700_000 && northing > 0 && northing < 1_300_000;
    }

    public LatLong toLatLong() {
        double[] osgb = inverseProjection();
        double[] cartesian = toCartesian(osgb[0], osgb[1], AIRY_A, AIRY_B);
        double[] shifted = helmertToWgs84(cartesian);
        return fromCartesian(shifted, WGS84_A, WGS84_B);
    }

    /** Latitude and longitude on Airy 1830, in radians. */
    private double[] inverseProjection() {
        double e2 = 1 - (AIRY_B * AIRY_B) / (AIRY_A * AIRY_A);
        double n = (AIRY_A - AIRY_B) / (AIRY_A + AIRY_B);
        double latitude = ORIGIN_LATITUDE;
        double meridional = 0;
        do {
            latitude = (northing - FALSE_NORTHING - meridional) / (AIRY_A * SCALE) + latitude;
            meridional = meridionalArc(latitude, n);
        } while (Math.abs(northing - FALSE_NORTHING - meridional) >= 0.00001);

        double sin = Math.sin(latitude);
        double cos = Math.cos(latitude);
        double tan = Math.tan(latitude);
        double nu = AIRY_A * SCALE / Math.sqrt(1 - e2 * sin * sin);
        double rho = AIRY_A * SCALE * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
        double eta2 = nu / rho - 1;

        double vii = tan / (2 * rho * nu);
        double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan * tan + eta2 - 9 * tan * tan * eta2);
        double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan * tan + 45 * Math.pow(tan, 4));
        double x = 1 / (cos * nu);
        double xi = 1 / (cos * 6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan * tan);
        double xii = 1 / (cos * 120 * Math.pow(nu, 5)) * (5 + 28 * tan * tan + 24 * Math.pow(tan, 4));
        double xiia = 1
                / (cos * 5040 * Math.pow(nu, 7))
                * (61 + 662 * tan * tan + 1320 * Math.pow(tan, 4) + 720 * Math.pow(tan, 6));

        double de = easting - FALSE_EASTING;
        double lat = latitude - vii * de * de + viii * Math.pow(de, 4) - ix * Math.pow(de, 6);
        double lon = ORIGIN_LONGITUDE + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5) - xiia * Math.pow(de, 7);
        return new double[] {lat, lon};
    }

    private static double meridionalArc(double latitude, double n) {
        double dLat = latitude - ORIGIN_LATITUDE;
        double sLat = latitude + ORIGIN_LATITUDE;
        double ma = (1 + n + 1.25 * n * n + 1.25 * n * n * n) * dLat;
        double mb = (3 * n + 3 * n * n + 2.625 * n * n * n) * Math.sin(dLat) * Math.cos(sLat);
        double mc = (1.875 * n * n + 1.875 * n * n * n) * Math.sin(2 * dLat) * Math.cos(2 * sLat);
        double md = 35.0 / 24 * n * n * n * Math.sin(3 * dLat) * Math.cos(3 * sLat);
        return AIRY_B * SCALE * (ma - mb + mc - md);
    }

    private static double[] toCartesian(double latitude, double longitude, double a, double b) {
        double e2 = 1 - (b * b) / (a * a);
        double sin = Math.sin(latitude);
        double nu = a / Math.sqrt(1 - e2 * sin * sin);
        return new double[] {
            nu * Math.cos(latitude) * Math.cos(longitude),
            nu * Math.cos(latitude) * Math.sin(longitude),
            (1 - e2) * nu * sin
        };
    }

    /** OSGB36 to WGS84: Ordnance Survey's published seven parameters. */
    private static double[] helmertToWgs84(double[] p) {
        double tx = 446.448;
        double ty = -125.157;
        double tz = 542.060;
        double s = -20.4894e-6;
        double rx = Math.toRadians(0.1502 / 3600);
        double ry = Math.toRadians(0.2470 / 3600);
        double rz = Math.toRadians(0.8421 / 3600);
        return new double[] {
            tx + (1 + s) * p[0] - rz * p[1] + ry * p[2],
            ty + rz * p[0] + (1 + s) * p[1] - rx * p[2],
            tz - ry * p[0] + rx * p[1] + (1 + s) * p[2]
        };
    }

    private static LatLong fromCartesian(double[] p, double a, double b) {
        double e2 = 1 - (b * b) / (a * a);
        double longitude = Math.atan2(p[1], p[0]);
        double distance = Math.hypot(p[0], p[1]);
        double latitude = Math.atan2(p[2], distance * (1 - e2));
        for (int i = 0; i < 10; i++) {
            double sin = Math.sin(latitude);
            double nu = a / Math.sqrt(1 - e2 * sin * sin);
            latitude = Math.atan2(p[2] + e2 * nu * sin, distance);
        }
        return new LatLong(Math.toDegrees(latitude), Math.toDegrees(longitude));
    }
}
