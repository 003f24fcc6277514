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

    /**
     * The sectors whose employers count as STEM (science, technology, engineering, maths) for the
     * rule that a cohort with no STEM encounter this year gets one first. Health is left out:
     * the ONS group is mostly care homes, social care and GP practices, where an encounter is
     * about caring careers; sector alone cannot tell an NHS trust's clinical scientists from them,
     * and counting it would make a sixth of Derby's jobs STEM and blunt the rule.
     */
    public static final List<String> STEM = List.of(
            "Mining, quarrying & utilities",
            "Manufacturing",
            "Construction",
            "Information & communication",
            "Professional, scientific & technical");

    private Sectors() {}
}
