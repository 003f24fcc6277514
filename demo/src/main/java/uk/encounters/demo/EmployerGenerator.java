package uk.encounters.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Employer;
import uk.encounters.demo.DemoHub.Volunteer;
import uk.encounters.marketplace.employer.OrganisationName;

/**
 * The employers of a hub that engage with schools, and their volunteers. Only a share of an
 * area's enterprises take part, far more of the large ones than of the micro ones; with Derby's
 * counts that is about 260 employers and 850 volunteers, the size of the E4E service's 850
 * employer/volunteer contacts in the seeds.
 */
final class EmployerGenerator {

    /** Share of an area's enterprises that engage with schools, by size band. */
    static final Map<SizeBand, Double> ENGAGED_SHARE =
            Map.of(SizeBand.MICRO, 0.02, SizeBand.SMALL, 0.08, SizeBand.MEDIUM, 0.25, SizeBand.LARGE, 0.6);

    record Result(List<Employer> employers, List<Volunteer> volunteers) {}

    private record Slot(String sector, SizeBand band) {}

    private final HubProfile hub;
    private final LocalDate today;
    private final RandomGenerator random;
    private final List<SchoolProfile> locatedSchools;

    EmployerGenerator(HubProfile hub, Seed seed, LocalDate today) {
        this.hub = hub;
        this.today = today;
        this.random = seed.random("hub/" + hub.name() + "/employers");
        this.locatedSchools =
                hub.schools().stream().filter(SchoolProfile::located).toList();
    }

    Result generate() {
        List<Slot> slots = slots();
        Set<Integer> cornerstones = cornerstones(slots);
        Set<String> names = new HashSet<>();
        List<Employer> employers = new ArrayList<>();
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            Employer employer = employer(slot, cornerstones.contains(i), names);
            employers.add(employer);
            volunteers.addAll(volunteers(i, employer));
        }
        return new Result(employers, volunteers);
    }

    /** Each size band's engaged employers, spread over sectors in proportion to the counts. */
    private List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (SizeBand band : SizeBand.values()) {
            double share = ENGAGED_SHARE.get(band);
            List<String> sectors = List.copyOf(hub.enterprises().bySector().keySet());
            double[] wanted = sectors.stream()
                    .mapToDouble(s -> hub.enterprises().count(s, band) * share)
                    .toArray();
            int[] allocated = LargestRemainder.allocate(
                    wanted, (int) Math.round(hub.enterprises().total(band) * share));
            for (int s = 0; s < sectors.size(); s++) {
                for (int n = 0; n < allocated[s]; n++) {
                    slots.add(new Slot(sectors.get(s), band));
                }
            }
        }
        return slots;
    }

    /** A few large employers commit across the hub: between 4 and 8, a fifth of the large ones. */
    private Set<Integer> cornerstones(List<Slot> slots) {
        List<Integer> large = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).band() == SizeBand.LARGE) {
                large.add(i);
            }
        }
        int wanted = Math.min(large.size(), Math.max(4, Math.min(8, (int) Math.round(large.size() * 0.2))));
        Collections.shuffle(large, random);
        return new HashSet<>(large.subList(0, wanted));
    }

    private Employer employer(Slot slot, boolean cornerstone, Set<String> names) {
        String name = EmployerNames.unique(slot.sector(), slot.band(), hub.placeName(), random, names);
        String normalised = OrganisationName.normalise(name);
        SchoolProfile near = locatedSchools.isEmpty() ? null : EmployerNames.pick(locatedSchools, random);
        double latitude = near == null ? 52.92 : near.latitude();
        double longitude = near == null ? -1.48 : near.longitude();
        // most employers within a few km of a school, a few further out on industrial estates
        double distanceKm = Math.min(9, Math.abs(random.nextGaussian()) * 2.5);
        double bearing = random.nextDouble() * 2 * Math.PI;
        latitude += distanceKm * Math.cos(bearing) / 111.2;
        longitude += distanceKm * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(latitude)));
        int maxAsks = cornerstone
                ? 4
                : switch (slot.band()) {
                    case MICRO -> 1;
                    case SMALL -> 1 + random.nextInt(2);
                    case MEDIUM -> 1 + random.nextInt(3);
                    case LARGE -> 2 + random.nextInt(3);
                };
        return new Employer(
                name,
                normalised,
                EmployerNames.emailDomain(normalised),
                postcode(near),
                latitude,
                longitude,
                slot.band(),
                cornerstone,
                slot.sector(),
                maxAsks);
    }

    /** A postcode in the district of the school it is near; the inward part is made up. */
    private String postcode(SchoolProfile near) {
        String district = near == null ? null : near.postcodeDistrict();
        if (district == null) {
            district = hub.schools().stream()
                    .map(SchoolProfile::postcodeDistrict)
                    .filter(d -> d != null)
                    .findFirst()
                    .orElse("DE1");
        }
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return district + " " + (1 + random.nextInt(9)) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    private List<Volunteer> volunteers(int employerIndex, Employer employer) {
        int count = employer.cornerstone()
                ? 15 + random.nextInt(26)
                : switch (employer.sizeBand()) {
                    case MICRO -> 1 + random.nextInt(2);
                    case SMALL -> 2 + random.nextInt(3);
                    case MEDIUM -> 3 + random.nextInt(6);
                    case LARGE -> 6 + random.nextInt(9);
                };
        // large employers run DBS checks for their schools' programmes; few micro firms have one
        double checked = employer.cornerstone()
                ? 0.8
                : switch (employer.sizeBand()) {
                    case MICRO -> 0.2;
                    case SMALL -> 0.3;
                    case MEDIUM -> 0.45;
                    case LARGE -> 0.6;
                };
        Set<String> emails = new HashSet<>();
        List<Volunteer> volunteers = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            String name = PersonNames.name(random);
            LocalDate until = null;
            if (random.nextDouble() < checked) {
                until = random.nextDouble() < 0.1
                        ? today.minusDays(1 + random.nextInt(200)) // lapsed
                        : today.plusDays(60 + random.nextInt(3 * 365));
            }
            volunteers.add(
                    new Volunteer(employerIndex, name, PersonNames.email(name, employer.emailDomain(), emails), until));
        }
        return volunteers;
    }
}
