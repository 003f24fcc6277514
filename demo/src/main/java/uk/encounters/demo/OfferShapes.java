package uk.encounters.demo;

import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Employer;
import uk.encounters.matcher.domain.EncounterType;

/**
 * The typical size, place and audience of each encounter type (DOMAIN.md's table): a talk is for
 * 30-300 pupils in school, a workplace visit for 10-40 at the employer's site, a placement for a
 * handful of Year 10 or 12 pupils.
 */
final class OfferShapes {

    record Shape(
            int yearGroupMin,
            int yearGroupMax,
            boolean inSchool,
            boolean atWorkplace,
            boolean online,
            int pupilsMin,
            int pupilsMax,
            Integer places,
            int maxSessions,
            double travelRadiusKm,
            boolean paidProviderType) {}

    private static final Map<String, String> TOPICS = Map.ofEntries(
            Map.entry("Manufacturing", "engineering, apprenticeships, STEM, advanced manufacturing"),
            Map.entry("Health", "nursing, allied health professions, care careers, STEM"),
            Map.entry("Retail", "customer service, retail management, apprenticeships"),
            Map.entry("Construction", "construction trades, civil engineering, apprenticeships, STEM"),
            Map.entry("Information & communication", "software, digital skills, data, STEM"),
            Map.entry("Professional, scientific & technical", "law, accountancy, science, design, STEM"),
            Map.entry("Financial & insurance", "finance, money skills, apprenticeships"),
            Map.entry("Transport & storage (inc postal)", "logistics, driving careers, supply chains"),
            Map.entry("Accommodation & food services", "hospitality, catering, customer service"),
            Map.entry("Education", "teaching, training, further education"),
            Map.entry("Public administration & defence", "public services, policing, local government"),
            Map.entry("Mining, quarrying & utilities", "energy, environment, engineering, STEM"));

    private final RandomGenerator random;

    OfferShapes(RandomGenerator random) {
        this.random = random;
    }

    Shape shape(EncounterType type, Employer employer) {
        int sessionScale = employer.cornerstone() ? 3 : 1;
        double inSchoolRadius = switch (employer.sizeBand()) {
            case MICRO -> 5 + random.nextInt(6);
            case SMALL -> 8 + random.nextInt(8);
            case MEDIUM, LARGE -> 10 + random.nextInt(16);
        };
        double workplaceRadius = 10 + random.nextInt(11);
        // online sessions reach any school: the radius is wide so distance never rules them out
        double onlineRadius = 100;
        return switch (type) {
            case CAREERS_TALK -> {
                int[] ranges = pick(new int[][] {{7, 13}, {9, 13}, {7, 11}, {10, 13}});
                yield new Shape(
                        ranges[0],
                        ranges[1],
                        true,
                        false,
                        random.nextDouble() < 0.35,
                        15 + random.nextInt(16),
                        pick(new int[] {60, 90, 120, 200, 300}),
                        null,
                        (2 + random.nextInt(5)) * sessionScale,
                        inSchoolRadius,
                        true);
            }
            case CAREERS_FAIR ->
                new Shape(9, 13, true, false, false, 60, 300, null, 1 + random.nextInt(2), inSchoolRadius, false);
            case MOCK_INTERVIEWS ->
                new Shape(
                        random.nextBoolean() ? 10 : 11,
                        13,
                        true,
                        false,
                        random.nextDouble() < 0.2,
                        5,
                        10 + random.nextInt(21),
                        null,
                        (1 + random.nextInt(4)) * sessionScale,
                        inSchoolRadius,
                        true);
            case ENTERPRISE_CHALLENGE ->
                new Shape(
                        7,
                        random.nextBoolean() ? 9 : 10,
                        true,
                        false,
                        false,
                        20,
                        40 + random.nextInt(21),
                        null,
                        1 + random.nextInt(3),
                        inSchoolRadius,
                        true);
            case MENTORING ->
                new Shape(
                        10,
                        13,
                        true,
                        false,
                        random.nextBoolean(),
                        1,
                        2 + random.nextInt(9),
                        null,
                        1 + random.nextInt(2),
                        inSchoolRadius,
                        true);
            case WORKPLACE_VISIT ->
                new Shape(
                        random.nextBoolean() ? 8 : 9,
                        13,
                        false,
                        true,
                        false,
                        10,
                        15 + random.nextInt(26),
                        null,
                        (1 + random.nextInt(4)) * sessionScale,
                        workplaceRadius,
                        false);
            case WORK_SHADOWING ->
                new Shape(
                        random.nextBoolean() ? 11 : 12,
                        13,
                        false,
                        true,
                        false,
                        1,
                        1 + random.nextInt(5),
                        null,
                        1 + random.nextInt(3),
                        workplaceRadius,
                        false);
            case WORK_EXPERIENCE -> {
                int places = switch (employer.sizeBand()) {
                    case MICRO -> 1 + random.nextInt(2);
                    case SMALL -> 1 + random.nextInt(3);
                    case MEDIUM -> 2 + random.nextInt(4);
                    case LARGE -> 3 + random.nextInt(8);
                };
                yield new Shape(
                        10, 12, false, true, false, 1, places, places, 1 + random.nextInt(2), workplaceRadius, false);
            }
            case ONLINE_INSIGHT ->
                new Shape(
                        random.nextBoolean() ? 7 : 9,
                        13,
                        false,
                        false,
                        true,
                        10,
                        100 + 50 * random.nextInt(9),
                        null,
                        (2 + random.nextInt(7)) * sessionScale,
                        onlineRadius,
                        false);
        };
    }

    String title(EncounterType type, Employer employer) {
        String sector = employer.sector().toLowerCase(Locale.ROOT).replaceAll(" \\(.*\\)", "");
        String who = employer.name().replaceAll(" (Ltd|Limited|LLP|CIC|Group plc)$", "");
        return switch (type) {
            case CAREERS_TALK ->
                pick(new String[] {
                    "Careers talk: working in " + sector,
                    "What it takes to work at " + who,
                    "Apprenticeships and jobs in " + sector
                });
            case CAREERS_FAIR -> who + " at your careers fair";
            case MOCK_INTERVIEWS -> "Mock interviews with " + who;
            case ENTERPRISE_CHALLENGE ->
                "Enterprise challenge: "
                        + pick(new String[] {"design a product", "run a pop-up business", "solve a real brief"});
            case MENTORING -> "Mentoring with " + who;
            case WORKPLACE_VISIT -> "Visit " + who;
            case WORK_SHADOWING -> "Shadow a day at " + who;
            case WORK_EXPERIENCE -> "Work experience week at " + who;
            case ONLINE_INSIGHT -> "Online insight: careers in " + sector;
        };
    }

    static String topics(String sector) {
        return TOPICS.getOrDefault(sector, "careers, skills, apprenticeships");
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
