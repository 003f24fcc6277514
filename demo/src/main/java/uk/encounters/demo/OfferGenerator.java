package uk.encounters.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub.Availability;
import uk.encounters.demo.DemoHub.Employer;
import uk.encounters.demo.DemoHub.Offer;
import uk.encounters.demo.DemoHub.Volunteer;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What each employer offers: one to three things (mostly careers talks), more for cornerstones,
 * each shaped like its encounter type ({@link OfferShapes}), with when it can be given: weekdays
 * recurring for cornerstones, a handful of dates for SMEs, placement weeks for work experience.
 */
final class OfferGenerator {

    record Result(List<Offer> offers, List<Availability> availability) {}

    /** Beyond the four every cornerstone offers, what else it may add. */
    private static final List<EncounterType> CORNERSTONE_EXTRAS = List.of(
            EncounterType.CAREERS_FAIR,
            EncounterType.ENTERPRISE_CHALLENGE,
            EncounterType.MENTORING,
            EncounterType.ONLINE_INSIGHT,
            EncounterType.WORK_SHADOWING);

    private static final Map<EncounterType, Double> SME_TYPE_WEIGHTS = Map.of(
            EncounterType.CAREERS_TALK,
            0.45,
            EncounterType.MOCK_INTERVIEWS,
            0.12,
            EncounterType.WORKPLACE_VISIT,
            0.12,
            EncounterType.WORK_EXPERIENCE,
            0.08,
            EncounterType.CAREERS_FAIR,
            0.07,
            EncounterType.ONLINE_INSIGHT,
            0.06,
            EncounterType.ENTERPRISE_CHALLENGE,
            0.05,
            EncounterType.MENTORING,
            0.03,
            EncounterType.WORK_SHADOWING,
            0.02);

    private final LocalDate today;
    private final AcademicYear year;
    private final RandomGenerator random;
    private final OfferShapes shapes;

    OfferGenerator(HubProfile hub, Seed seed, LocalDate today) {
        this(seed.random("hub/" + hub.name() + "/offers"), today);
    }

    /** Offers drawn from a stream of their own, so drawing them never changes the demo's offers. */
    OfferGenerator(RandomGenerator random, LocalDate today) {
        this.today = today;
        this.year = AcademicYear.containing(today);
        this.random = random;
        this.shapes = new OfferShapes(random);
    }

    Result generate(List<Employer> employers, List<Volunteer> volunteers) {
        List<List<Integer>> volunteersByEmployer = new ArrayList<>();
        employers.forEach(e -> volunteersByEmployer.add(new ArrayList<>()));
        for (int v = 0; v < volunteers.size(); v++) {
            volunteersByEmployer.get(volunteers.get(v).employer()).add(v);
        }
        List<Offer> offers = new ArrayList<>();
        List<Availability> availability = new ArrayList<>();
        for (int e = 0; e < employers.size(); e++) {
            Employer employer = employers.get(e);
            for (EncounterType type : types(employer)) {
                Integer volunteer = volunteer(type, volunteersByEmployer.get(e), volunteers);
                Offer offer = offer(e, employer, volunteer, type);
                availability.addAll(availability(offers.size(), offer, employer.cornerstone()));
                offers.add(offer);
            }
        }
        return new Result(offers, availability);
    }

    private List<EncounterType> types(Employer employer) {
        if (employer.cornerstone()) {
            List<EncounterType> types = new ArrayList<>(List.of(
                    EncounterType.CAREERS_TALK,
                    EncounterType.WORKPLACE_VISIT,
                    EncounterType.WORK_EXPERIENCE,
                    EncounterType.MOCK_INTERVIEWS));
            List<EncounterType> extras = new ArrayList<>(CORNERSTONE_EXTRAS);
            Collections.shuffle(extras, random);
            types.addAll(extras.subList(0, random.nextInt(3)));
            return types;
        }
        int count = switch (employer.sizeBand()) {
            case MICRO -> 1;
            case SMALL -> 1 + random.nextInt(2);
            case MEDIUM -> 1 + random.nextInt(3);
            case LARGE -> 2 + random.nextInt(2);
        };
        Set<EncounterType> types = new HashSet<>();
        List<EncounterType> ordered = new ArrayList<>();
        for (int attempt = 0; ordered.size() < count && attempt < 10; attempt++) {
            EncounterType type = weighted(SME_TYPE_WEIGHTS);
            if (types.add(type)) {
                ordered.add(type);
            }
        }
        return ordered;
    }

    private EncounterType weighted(Map<EncounterType, Double> weights) {
        double draw = random.nextDouble();
        // iterate in declaration order so the draw means the same thing on every run
        for (EncounterType type : EncounterType.values()) {
            draw -= weights.getOrDefault(type, 0.0);
            if (draw < 0) {
                return type;
            }
        }
        return EncounterType.CAREERS_TALK;
    }

    /** Who gives it: for unsupervised types someone with a current safeguarding check when there is one. */
    private Integer volunteer(EncounterType type, List<Integer> candidates, List<Volunteer> volunteers) {
        if (candidates.isEmpty() || random.nextDouble() < 0.08) {
            return null;
        }
        if (type.needsSafeguardingCheck()) {
            List<Integer> checked = candidates.stream()
                    .filter(v -> {
                        LocalDate until = volunteers.get(v).safeguardingCheckedUntil();
                        return until != null && until.isAfter(today);
                    })
                    .toList();
            if (!checked.isEmpty()) {
                return EmployerNames.pick(checked, random);
            }
        }
        return EmployerNames.pick(candidates, random);
    }

    private Offer offer(int employerIndex, Employer employer, Integer volunteer, EncounterType type) {
        OfferShapes.Shape shape = shapes.shape(type, employer);
        double status = random.nextDouble();
        OfferStatus offerStatus = status < 0.88
                ? OfferStatus.ACTIVE
                : status < 0.94 ? OfferStatus.PENDING : status < 0.98 ? OfferStatus.PAUSED : OfferStatus.WITHDRAWN;
        // about half were posted at the start of the year, the rest recently
        LocalDate from = random.nextBoolean() ? year.firstTeachingDay() : today;
        if (from.isBefore(year.firstTeachingDay())) {
            from = year.firstTeachingDay();
        }
        boolean paid = !employer.cornerstone()
                && employer.sizeBand() != SizeBand.MICRO
                && shape.paidProviderType()
                && random.nextDouble() < 0.25;
        return new Offer(
                employerIndex,
                volunteer,
                type,
                shapes.title(type, employer),
                OfferShapes.topics(employer.sector()),
                employer.sector(),
                shape.yearGroupMin(),
                shape.yearGroupMax(),
                shape.inSchool(),
                shape.atWorkplace(),
                shape.online(),
                shape.pupilsMin(),
                shape.pupilsMax(),
                shape.places(),
                shape.maxSessions(),
                shape.travelRadiusKm(),
                paid ? 100 * (150 + 25 * random.nextInt(19)) : null,
                random.nextDouble() < (employer.cornerstone() ? 0.6 : 0.25),
                offerStatus,
                from,
                year.lastTeachingDay());
    }

    private List<Availability> availability(int offerIndex, Offer offer, boolean cornerstone) {
        List<Availability> rows = new ArrayList<>();
        if (offer.type() == EncounterType.WORK_EXPERIENCE) {
            // placements run for a week in the summer term; the date is the Monday it starts
            LocalDate june =
                    LocalDate.of(year.startYear() + 1, 6, 8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            int first = random.nextInt(4);
            int weeks = 1 + random.nextInt(2);
            for (int w = first; w < first + weeks; w++) {
                rows.add(new Availability(offerIndex, june.plusWeeks(w), null, "all_day"));
            }
            return rows;
        }
        if (cornerstone || offer.type() == EncounterType.ONLINE_INSIGHT) {
            List<Integer> weekdays = new ArrayList<>(List.of(1, 2, 3, 4, 5));
            Collections.shuffle(weekdays, random);
            for (int weekday : weekdays.subList(0, 1 + random.nextInt(3))) {
                for (String period : periods(offer.type())) {
                    rows.add(new Availability(offerIndex, null, weekday, period));
                }
            }
            return rows;
        }
        Set<LocalDate> dates = new HashSet<>();
        LocalDate from = today.plusDays(7).isAfter(offer.availableFrom()) ? today.plusDays(7) : offer.availableFrom();
        int wanted = 2 + random.nextInt(5);
        for (int attempt = 0; dates.size() < wanted && attempt < wanted * 3; attempt++) {
            LocalDate day = year.randomSchoolDay(random, from, offer.availableUntil());
            if (day != null && dates.add(day)) {
                for (String period : periods(offer.type())) {
                    rows.add(new Availability(offerIndex, day, null, period));
                }
            }
        }
        return rows;
    }

    /**
     * A day's periods as the offer forms write them: a talk, a fair or mock interviews free all day is
     * free mornings and afternoons, and is booked into one of them, never "all day" for an hour's
     * session. A workplace visit or work shadowing may take the whole day.
     */
    private List<String> periods(EncounterType type) {
        String period = period(type);
        return "all_day".equals(period) && !type.workplaceExperience()
                ? List.of("morning", "afternoon")
                : List.of(period);
    }

    private String period(EncounterType type) {
        if (type.workplaceExperience()) {
            return random.nextDouble() < 0.6 ? "all_day" : "morning";
        }
        double draw = random.nextDouble();
        return draw < 0.45 ? "morning" : draw < 0.8 ? "afternoon" : "all_day";
    }
}
