package uk.encounters.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.marketplace.employer.OrganisationName;

/**
 * Plausible, made-up employer names ("Riverside Precision Engineering Ltd"), the normalised form
 * the marketplace dedupes on, and an email domain. Domains end in {@code .example} (reserved by
 * RFC 2606) so a demo that sends mail can never reach a real company.
 */
final class EmployerNames {

    private static final List<String> PLACES = List.of(
            "Riverside",
            "Northgate",
            "Parkway",
            "Oakfield",
            "Meadowbank",
            "Hillcrest",
            "Kingsway",
            "Station Road",
            "Abbey",
            "Castle",
            "Bridgeview",
            "Valley",
            "Greenfield",
            "Westfield",
            "Eastgate",
            "Millbrook",
            "Highfield",
            "Ashgrove",
            "Beacon",
            "Brookside",
            "Canal Side",
            "Cathedral",
            "Elmtree",
            "Foundry",
            "Granary",
            "Harbour",
            "Ivy Lane",
            "Juniper",
            "Lakeside",
            "Marshgate",
            "Newbridge",
            "Orchard",
            "Pennine",
            "Queensway",
            "Redhill",
            "Southgate",
            "Trent",
            "Unity",
            "Victoria",
            "Willowbank",
            "Yew Tree",
            "Crown",
            "Phoenix",
            "Summit",
            "Silverdale",
            "Stonebridge",
            "Wharf",
            "Heritage");

    private static final List<String> GENERIC = List.of("Services", "Solutions", "Group", "Partners", "Works");

    private static final Map<String, List<String>> TRADES = Map.ofEntries(
            Map.entry(
                    "Agriculture, forestry & fishing",
                    List.of("Farms", "Nurseries", "Growers", "Landscapes", "Agricultural Services", "Tree Care")),
            Map.entry(
                    "Mining, quarrying & utilities",
                    List.of(
                            "Energy",
                            "Water Services",
                            "Recycling",
                            "Environmental Services",
                            "Aggregates",
                            "Power Networks")),
            Map.entry(
                    "Manufacturing",
                    List.of(
                            "Precision Engineering",
                            "Components",
                            "Fabrications",
                            "Plastics",
                            "Aerospace Systems",
                            "Rail Systems",
                            "Castings",
                            "Foods",
                            "Print",
                            "Textiles",
                            "Electronics",
                            "Machining",
                            "Packaging")),
            Map.entry(
                    "Construction",
                    List.of(
                            "Construction",
                            "Builders",
                            "Roofing",
                            "Electrical Contractors",
                            "Plumbing & Heating",
                            "Civil Engineering",
                            "Joinery",
                            "Scaffolding")),
            Map.entry("Motor trades", List.of("Motors", "Garage", "Autos", "Vehicle Services", "Tyres", "Bodyworks")),
            Map.entry("Wholesale", List.of("Wholesale", "Distribution", "Supplies", "Trade Supplies", "Cash & Carry")),
            Map.entry(
                    "Retail",
                    List.of(
                            "Stores",
                            "Bakery",
                            "Pharmacy",
                            "Florists",
                            "Hardware",
                            "Books",
                            "Opticians",
                            "Butchers",
                            "Garden Centre")),
            Map.entry(
                    "Transport & storage (inc postal)",
                    List.of("Logistics", "Haulage", "Couriers", "Transport", "Coaches", "Freight", "Removals")),
            Map.entry(
                    "Accommodation & food services",
                    List.of("Hotel", "Café", "Kitchen", "Catering", "Restaurant", "Inn", "Events")),
            Map.entry(
                    "Information & communication",
                    List.of("Digital", "Software", "Media", "Web Studio", "Data Systems", "IT Solutions", "Games")),
            Map.entry(
                    "Financial & insurance",
                    List.of(
                            "Financial Planning",
                            "Insurance Brokers",
                            "Mortgage Services",
                            "Credit Union",
                            "Wealth Management")),
            Map.entry("Property", List.of("Estates", "Lettings", "Property Management", "Homes")),
            Map.entry(
                    "Professional, scientific & technical",
                    List.of(
                            "Accountants",
                            "Solicitors",
                            "Architects",
                            "Consulting Engineers",
                            "Surveyors",
                            "Laboratories",
                            "Design",
                            "Marketing",
                            "Veterinary Surgery")),
            Map.entry(
                    "Business administration & support services",
                    List.of(
                            "Recruitment",
                            "Facilities Services",
                            "Cleaning Services",
                            "Security",
                            "Business Support",
                            "Travel",
                            "Training Services")),
            Map.entry("Public administration & defence", List.of("Community Council", "Parish Council", "Civic Trust")),
            Map.entry(
                    "Education",
                    List.of("Training", "Tutors", "Learning", "Day Nursery", "Skills Academy", "Driving School")),
            Map.entry(
                    "Health",
                    List.of(
                            "Care Services",
                            "Dental Practice",
                            "Medical Centre",
                            "Home Care",
                            "Physiotherapy",
                            "Care Home",
                            "Health Centre")),
            Map.entry(
                    "Arts, entertainment, recreation & other services",
                    List.of(
                            "Theatre",
                            "Leisure",
                            "Fitness",
                            "Hair Studio",
                            "Studios",
                            "Community Trust",
                            "Sports Club",
                            "Museum Trust")));

    /** Large organisations named after the place they serve; {place} is the hub's place. */
    private static final Map<String, List<String>> PUBLIC_BODIES = Map.of(
            "Health",
                    List.of(
                            "{place} Teaching Hospitals NHS Trust",
                            "{place} Community Health Services NHS Trust",
                            "{place} Healthcare NHS Foundation Trust"),
            "Public administration & defence",
                    List.of(
                            "{place} Council",
                            "{place} Fire and Rescue Service",
                            "{place} Police",
                            "{place} Combined Authority"),
            "Education", List.of("University of {place}", "{place} College", "{place} Learning Trust"));

    private EmployerNames() {}

    /** A name whose normalised form is not yet in {@code taken}; adds it there. */
    static String unique(String sector, SizeBand band, String place, RandomGenerator random, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = name(sector, band, place, random);
            if (attempt > 20) {
                name = pick(PLACES, random) + " " + name;
            }
            if (taken.add(OrganisationName.normalise(name))) {
                return name;
            }
        }
    }

    private static String name(String sector, SizeBand band, String place, RandomGenerator random) {
        List<String> bodies = PUBLIC_BODIES.get(sector);
        if (band == SizeBand.LARGE && bodies != null && random.nextDouble() < 0.5) {
            return pick(bodies, random).replace("{place}", place);
        }
        String trade = pick(TRADES.getOrDefault(sector, GENERIC), random);
        double draw = random.nextDouble();
        if (sector.equals("Public administration & defence")) {
            return (draw < 0.3 ? place : pick(PLACES, random)) + " " + trade;
        }
        // named after the place, a family ("Patel Accountants") or a local landmark
        String where = draw < 0.15 ? place : draw < 0.4 ? PersonNames.surname(random) : pick(PLACES, random);
        return where + " " + trade + suffix(sector, band, random);
    }

    private static String suffix(String sector, SizeBand band, RandomGenerator random) {
        if (sector.equals("Professional, scientific & technical") && random.nextDouble() < 0.4) {
            return " LLP";
        }
        if (sector.startsWith("Arts") && random.nextDouble() < 0.3) {
            return " CIC";
        }
        if (band == SizeBand.LARGE) {
            return random.nextDouble() < 0.4 ? " Group plc" : " Ltd";
        }
        double draw = random.nextDouble();
        return draw < 0.65 ? " Ltd" : draw < 0.85 ? " Limited" : "";
    }

    static String emailDomain(String normalisedName) {
        String label = normalisedName.replace(" and ", " ").replace(' ', '-');
        // a DNS label holds at most 63 characters
        return label.substring(0, Math.min(label.length(), 63)).replaceAll("-+$", "") + ".example";
    }

    static <T> T pick(List<T> items, RandomGenerator random) {
        return items.get(random.nextInt(items.size()));
    }
}
