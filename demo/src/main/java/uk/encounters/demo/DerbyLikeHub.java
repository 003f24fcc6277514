package uk.encounters.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A Derby-like hub made from the seed documents' figures alone, for a machine without the public
 * data: 22 schools within about 7 km of the city centre, about 3,000 pupils per year group in
 * Years 7-11, sixth forms at some schools, two special schools, neighbourhoods skewed to the
 * deprived end, and Derby's 2022 enterprise counts with its sector mix of jobs.
 */
final class DerbyLikeHub {

    static final int SCHOOLS = 22;
    static final int SPECIAL_SCHOOLS = 2;
    static final int PUPILS_PER_YEAR_GROUP = 3000;
    private static final double CENTRE_LATITUDE = 52.9225;
    private static final double CENTRE_LONGITUDE = -1.4746;
    private static final double RADIUS_KM = 7;
    /** Synthetic URNs: real ones are six digits below 160000, so these can never clash with them. */
    private static final int FIRST_URN = 900001;

    private static final List<String> PLACES = List.of(
            "Allestree",
            "Mickleover",
            "Littleover",
            "Chaddesden",
            "Spondon",
            "Alvaston",
            "Sinfin",
            "Normanton",
            "Oakwood",
            "Darley Abbey",
            "Chellaston",
            "Mackworth",
            "Allenton",
            "Boulton",
            "Derwent",
            "Sunnyhill",
            "Osmaston",
            "Abbey Hill",
            "Arboretum",
            "Blagreaves",
            "Stockbrook",
            "Markeaton");
    private static final List<String> KINDS = List.of(
            "Park Academy", "High School", "Community College", "School", "Academy", "Church of England Academy");
    private static final List<String> DISTRICTS = List.of("DE1", "DE3", "DE21", "DE22", "DE23", "DE24", "DE73");

    /** Derby's largest sectors by share of jobs (seeds); the last tenth spread over the rest. */
    static final Map<String, Double> SECTOR_SHARES = sectorShares();

    /** Derby's 2022 enterprises by size band (ONS UK Business Counts). */
    static final Map<SizeBand, Integer> SIZE_COUNTS = Collections.unmodifiableMap(
            new EnumMap<>(Map.of(SizeBand.MICRO, 6595, SizeBand.SMALL, 765, SizeBand.MEDIUM, 145, SizeBand.LARGE, 45)));

    private DerbyLikeHub() {}

    private static Map<String, Double> sectorShares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Manufacturing", 19.9);
        shares.put("Health", 15.4);
        shares.put("Retail", 12.5);
        shares.put("Business administration & support services", 8.8);
        shares.put("Education", 8.8);
        shares.put("Professional, scientific & technical", 7.4);
        shares.put("Accommodation & food services", 6.6);
        shares.put("Transport & storage (inc postal)", 4.4);
        shares.put("Public administration & defence", 3.3);
        shares.put("Construction", 2.9);
        shares.put("Information & communication", 3.0);
        shares.put("Financial & insurance", 2.0);
        shares.put("Wholesale", 2.0);
        shares.put("Motor trades", 1.5);
        shares.put("Arts, entertainment, recreation & other services", 1.5);
        return Collections.unmodifiableMap(shares);
    }

    static HubProfile profile(Seed seed) {
        RandomGenerator random = seed.random("derby-like/schools");
        int mainstream = SCHOOLS - SPECIAL_SCHOOLS;
        double[] size = new double[mainstream];
        double total = 0;
        for (int i = 0; i < mainstream; i++) {
            size[i] = 90 + random.nextDouble() * 210;
            total += size[i];
        }
        List<SchoolProfile> schools = new ArrayList<>();
        for (int i = 0; i < SCHOOLS; i++) {
            boolean special = i >= mainstream;
            // skewed to the deprived end: about a quarter of schools in decile 1
            int decile = 1 + (int) Math.floor(10 * Math.pow(random.nextDouble(), 1.8));
            double fsm = special
                    ? 40 + random.nextInt(16)
                    : Math.max(9, Math.min(62, 62 - 5 * decile + random.nextGaussian() * 5));
            List<Integer> pupils = special
                    ? specialSchoolPupils(random)
                    : mainstreamPupils(size[i] * (PUPILS_PER_YEAR_GROUP - 60) / total, i % 2 == 0, random);
            double distance = RADIUS_KM * Math.sqrt(random.nextDouble());
            double bearing = random.nextDouble() * 2 * Math.PI;
            double latitude = CENTRE_LATITUDE + distance * Math.cos(bearing) / 111.2;
            double longitude = CENTRE_LONGITUDE
                    + distance * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(CENTRE_LATITUDE)));
            String name = PLACES.get(i) + " " + (special ? "Specialist School" : EmployerNames.pick(KINDS, random));
            String postcode = EmployerNames.pick(DISTRICTS, random) + " " + (1 + random.nextInt(9))
                    + "ABDEFGHJLNPQRSTUWXYZ".charAt(random.nextInt(20))
                    + "ABDEFGHJLNPQRSTUWXYZ".charAt(random.nextInt(20));
            schools.add(new SchoolProfile(
                    FIRST_URN + i,
                    name,
                    special ? "special" : "secondary",
                    postcode,
                    Math.round(latitude * 1e6) / 1e6,
                    Math.round(longitude * 1e6) / 1e6,
                    Math.round(fsm * 10) / 10.0,
                    decile,
                    "831",
                    "Derby",
                    "Derby",
                    null,
                    pupils));
        }
        return new HubProfile(
                "Derby Careers Hub",
                DemoArea.DERBY.code(),
                "Derby",
                schools,
                EnterpriseCounts.fromShares(SECTOR_SHARES, SIZE_COUNTS));
    }

    /** Years 7-11 around the school's size; half the schools have a sixth form, smaller than Year 11. */
    private static List<Integer> mainstreamPupils(double yearGroupSize, boolean sixthForm, RandomGenerator random) {
        List<Integer> pupils = new ArrayList<>();
        for (int year = 7; year <= 11; year++) {
            pupils.add((int) Math.round(yearGroupSize * (0.95 + random.nextDouble() * 0.1)));
        }
        int year12 = sixthForm ? (int) Math.round(pupils.get(4) * (0.35 + random.nextDouble() * 0.25)) : 0;
        pupils.add(year12);
        pupils.add((int) Math.round(year12 * (0.8 + random.nextDouble() * 0.15)));
        return pupils;
    }

    private static List<Integer> specialSchoolPupils(RandomGenerator random) {
        List<Integer> pupils = new ArrayList<>();
        for (int year = 7; year <= 13; year++) {
            pupils.add(year <= 11 ? 18 + random.nextInt(13) : 8 + random.nextInt(10));
        }
        return pupils;
    }
}
