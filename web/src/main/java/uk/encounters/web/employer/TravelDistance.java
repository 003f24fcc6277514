package uk.encounters.web.employer;

/**
 * How far an employer will travel to a school: typed in miles, as most people in the UK think of
 * road distances, or in kilometres; stored and matched in whole kilometres.
 *
 * @param amount the number shown or typed
 * @param unit   {@link #MILES} or {@link #KM}
 */
record TravelDistance(int amount, String unit) {

    static final String MILES = "miles";
    static final String KM = "km";
    static final double KM_PER_MILE = 1.609344;

    /** The furthest the offer forms accept, in kilometres: a county's width. */
    static final int MAX_KM = 100;

    /** The distance stored for the matching: whole kilometres, to the nearest. */
    int km() {
        return MILES.equals(unit) ? (int) Math.round(amount * KM_PER_MILE) : amount;
    }

    /** The furthest that may be typed in this unit: 62 miles is 99.8 km. */
    static int max(String unit) {
        return MILES.equals(unit) ? (int) Math.floor(MAX_KM / KM_PER_MILE) : MAX_KM;
    }

    /**
     * A stored distance as the form shows it: in whole miles when those come back to the same
     * kilometres (so saving an unchanged form changes nothing), else in kilometres.
     */
    static TravelDistance shown(int km) {
        TravelDistance inMiles = new TravelDistance((int) Math.round(km / KM_PER_MILE), MILES);
        return inMiles.km() == km ? inMiles : new TravelDistance(km, KM);
    }

    /** Into a form's values: the number and the unit's radio. */
    void into(java.util.Map<String, String> values) {
        values.put("radius", String.valueOf(amount));
        values.put("radiusUnit", unit);
    }

    /** "6 miles (10 km)", "1 mile (2 km)" or "15 km". */
    String words() {
        if (KM.equals(unit)) {
            return amount + " km";
        }
        return amount + (amount == 1 ? " mile" : " miles") + " (" + km() + " km)";
    }
}
