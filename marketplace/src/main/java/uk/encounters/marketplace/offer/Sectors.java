package uk.encounters.marketplace.offer;

import java.util.List;

/** The 18 broad industry groups of the ONS business counts, named as the demo data names them. */
public final class Sectors {

    public static final List<String> ALL = List.of(
            "Agriculture, forestry & fishing",
            "Mining, quarrying & utilities",
            "Manufacturing",
            "Construction",
            "Motor trades",
            "Wholesale",
            "Retail",
            "Transport & storage (inc postal)",
            "Accommodation & food services",
            "Information & communication",
            "Financial & insurance",
            "Property",
            "Professional, scientific & technical",
            "Business administration & support services",
            "Public administration & defence",
            "Education",
            "Health",
            "Arts, entertainment, recreation & other services");

    private Sectors() {
    }
}
