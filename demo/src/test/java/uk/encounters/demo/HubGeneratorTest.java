package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.demo.DemoHub.Encounter;
import uk.encounters.demo.DemoHub.Pupil;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;

/** What the generator makes of a hub, on the parametric Derby-like hub (no data folder needed). */
class HubGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final AcademicYear THIS_YEAR = AcademicYear.containing(TODAY);
    private static DemoHub hub;

    @BeforeAll
    static void generate() {
        hub = derby(42);
    }

    private static DemoHub derby(long seed) {
        return DemoData.generate("derby", seed, TODAY, Optional.empty()).get(0);
    }

    /** Every row of the hub, pupils and encounters included, reduced to one digest. */
    private static String fingerprint(DemoHub hub) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (List<?> rows : List.of(
                hub.schools(),
                hub.budgets(),
                hub.employers(),
                hub.volunteers(),
                hub.offers(),
                hub.availability(),
                hub.requests(),
                hub.bookings(),
                hub.bookingPupils())) {
            rows.forEach(row -> digest.update(row.toString().getBytes(StandardCharsets.UTF_8)));
        }
        hub.forEachPupil(pupil -> digest.update(pupil.toString().getBytes(StandardCharsets.UTF_8)));
        hub.forEachEncounter(encounter -> digest.update(encounter.toString().getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void theSameSeedGivesIdenticalData() throws NoSuchAlgorithmException {
        assertThat(fingerprint(derby(42))).isEqualTo(fingerprint(hub));
    }

    @Test
    void aDifferentSeedGivesDifferentData() throws NoSuchAlgorithmException {
        DemoHub other = derby(43);

        assertThat(fingerprint(other)).isNotEqualTo(fingerprint(hub));
        assertThat(other.employers()).isNotEqualTo(hub.employers());
    }

    @Test
    void readingTheRollTwiceGivesTheSamePupilsAndEncounters() {
        List<Pupil> first = new ArrayList<>();
        List<Pupil> second = new ArrayList<>();
        hub.forEachPupil(first::add);
        hub.forEachPupil(second::add);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void pupilsCarryOnlyAPseudonymousReferenceUniqueInTheirSchool() {
        Set<String> references = new HashSet<>();
        hub.forEachPupil(pupil -> {
            assertThat(pupil.reference()).matches("P\\d{6}-\\d{4,}");
            assertThat(references.add(pupil.school() + "/" + pupil.reference())).isTrue();
        });
        assertThat(references)
                .hasSize(hub.schools().stream().mapToInt(SchoolProfile::pupils).sum());
    }

    @Test
    void disadvantagedShareOfEachSchoolRunsALittleAboveItsFreeSchoolMeals() {
        int[][] counts = disadvantagedAndAll();
        for (int s = 0; s < hub.schools().size(); s++) {
            double fsm = hub.schools().get(s).freeSchoolMealsPercent() / 100;
            double share = (double) counts[s][0] / counts[s][1];
            assertThat(share).as(hub.schools().get(s).name()).isBetween(fsm - 0.01, fsm * 1.2 + 0.02);
        }
    }

    private static int[][] disadvantagedAndAll() {
        int[][] counts = new int[hub.schools().size()][2];
        hub.forEachPupil(pupil -> {
            counts[pupil.school()][1]++;
            if (pupil.disadvantaged()) {
                counts[pupil.school()][0]++;
            }
        });
        return counts;
    }

    @Test
    void aboutOneInSixPupilsHasSendExceptInSpecialSchoolsWhereNearlyAllDo() {
        int[][] send = new int[hub.schools().size()][2];
        hub.forEachPupil(pupil -> {
            send[pupil.school()][1]++;
            send[pupil.school()][0] += pupil.send() ? 1 : 0;
        });
        for (int s = 0; s < send.length; s++) {
            double share = (double) send[s][0] / send[s][1];
            if (hub.schools().get(s).specialOrAlternative()) {
                assertThat(share).isGreaterThan(0.9);
            } else {
                assertThat(share).isBetween(0.13, 0.20);
            }
        }
    }

    /**
     * Target: a pupil in year Y should have had Y-7 encounters before this year. Some cohorts
     * (a school's year group) should be mostly on track, others mostly behind.
     */
    @Test
    void historyLeavesSomeCohortsBehindTargetAndOthersOnTrack() {
        Map<String, int[]> pastEncounters = new HashMap<>();
        hub.forEachEncounter(encounter -> {
            if (encounter.occurredOn().isBefore(THIS_YEAR.firstDay())) {
                pastEncounters
                        .computeIfAbsent(encounter.school() + "/" + encounter.pupilSequence(), key -> new int[1])[0]++;
            }
        });
        Map<String, int[]> onTrackByCohort = new HashMap<>();
        hub.forEachPupil(pupil -> {
            if (pupil.yearGroup() < 8 || hub.schools().get(pupil.school()).pupilsIn(pupil.yearGroup()) < 30) {
                return;
            }
            int[] had = pastEncounters.getOrDefault(pupil.school() + "/" + pupil.sequence(), new int[1]);
            int[] cohort = onTrackByCohort.computeIfAbsent(pupil.school() + "/" + pupil.yearGroup(), k -> new int[2]);
            cohort[0] += had[0] >= pupil.yearGroup() - 7 ? 1 : 0;
            cohort[1]++;
        });
        List<Double> shares =
                onTrackByCohort.values().stream().map(c -> (double) c[0] / c[1]).toList();

        assertThat(shares).anySatisfy(share -> assertThat(share).isLessThan(0.5));
        assertThat(shares).anySatisfy(share -> assertThat(share).isGreaterThanOrEqualTo(0.8));
    }

    @Test
    void historyFallsInEachPupilsPastSchoolYearsAndThisYearSoFar() {
        Map<String, Integer> yearGroup = new HashMap<>();
        hub.forEachPupil(pupil -> yearGroup.put(pupil.school() + "/" + pupil.sequence(), pupil.yearGroup()));
        hub.forEachEncounter(encounter -> {
            assertThat(encounter.occurredOn().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            if (encounter.booking() != null) {
                return;
            }
            assertThat(encounter.providerName()).isNotBlank();
            int current = yearGroup.get(encounter.school() + "/" + encounter.pupilSequence());
            AcademicYear when = AcademicYear.containing(encounter.occurredOn());
            int yearGroupThen = current - (THIS_YEAR.startYear() - when.startYear());
            assertThat(yearGroupThen).isBetween(7, current);
            assertThat(encounter.occurredOn()).isBefore(TODAY);
        });
    }

    @Test
    void workplaceExperiencesAttendedHaveTheirHoursAndNothingElseHasAny() {
        Map<String, Integer> placementHours = new HashMap<>();
        hub.forEachEncounter(encounter -> {
            boolean hasHours = encounter.attended() && encounter.type().workplaceExperience();
            assertThat(encounter.hours() != null).as(encounter.toString()).isEqualTo(hasHours);
            if (hasHours && encounter.booking() == null && encounter.type() == EncounterType.WORK_EXPERIENCE) {
                placementHours.merge(encounter.hours().words(), 1, Integer::sum);
            }
        });
        assertThat(placementHours).as("a week's placement").containsOnlyKeys("25 hours");
    }

    @Test
    void offersCoverEveryEncounterTypeWithTheModesAndGroupSizesTheTypeNeeds() {
        assertThat(hub.offers()).extracting(DemoHub.Offer::type).contains(EncounterType.values());
        long talks = hub.offers().stream()
                .filter(o -> o.type() == EncounterType.CAREERS_TALK)
                .count();
        assertThat(talks).isGreaterThan(hub.offers().size() / 4);
        assertThat(hub.offers()).allSatisfy(offer -> {
            assertThat(offer.atWorkplace()).isEqualTo(offer.type().workplaceExperience());
            assertThat(offer.pupilsMin()).isPositive().isLessThanOrEqualTo(offer.pupilsMax());
            assertThat(offer.yearGroupMin()).isLessThanOrEqualTo(offer.yearGroupMax());
            assertThat(offer.places() != null).isEqualTo(offer.type() == EncounterType.WORK_EXPERIENCE);
            assertThat(offer.availableUntil()).isAfter(TODAY);
        });
        assertThat(hub.offers())
                .anySatisfy(offer -> assertThat(offer.costPerSessionPence()).isNotNull());
        assertThat(hub.offers())
                .anySatisfy(offer -> assertThat(offer.sendAdaptable()).isTrue());
    }

    @Test
    void onlyWorkplaceExperiencesAreOfferedAllDaySoATalkIsBookedIntoHalfADay() {
        assertThat(hub.availability())
                .filteredOn(row -> row.period().equals("all_day"))
                .isNotEmpty()
                .allSatisfy(
                        row -> assertThat(hub.offers().get(row.offer()).type().workplaceExperience())
                                .isTrue());
        Set<DemoHub.Availability> rows = new HashSet<>(hub.availability());
        assertThat(hub.availability())
                .as("a talk free all day is free mornings and afternoons, as the offer forms write it")
                .anyMatch(row -> row.period().equals("morning")
                        && hub.offers().get(row.offer()).type() == EncounterType.CAREERS_TALK
                        && rows.contains(
                                new DemoHub.Availability(row.offer(), row.availableOn(), row.weekday(), "afternoon")));
    }

    @Test
    void cornerstonesOfferRecurringWeekdaysAndSmesSpecificDates() {
        assertThat(hub.availability()).allSatisfy(row -> {
            DemoHub.Offer offer = hub.offers().get(row.offer());
            boolean cornerstone = hub.employers().get(offer.employer()).cornerstone();
            if (offer.type() == EncounterType.WORK_EXPERIENCE) {
                assertThat(row.availableOn()).isNotNull();
            } else if (cornerstone) {
                assertThat(row.weekday()).isBetween(1, 5);
            } else if (offer.type() != EncounterType.ONLINE_INSIGHT) {
                assertThat(row.availableOn()).isAfter(TODAY);
                assertThat(THIS_YEAR.isSchoolDay(row.availableOn())).isTrue();
            }
        });
    }

    @Test
    void openRequestsAskForTheComingTwoToTwelveWeeksOnSchoolDays() {
        List<DemoHub.Request> open = hub.requests().stream()
                .filter(r -> r.status() == RequestStatus.OPEN)
                .toList();
        assertThat(open).hasSizeGreaterThan(hub.schools().size());
        assertThat(open).allSatisfy(request -> {
            assertThat(THIS_YEAR.isSchoolDay(request.windowStart())).isTrue();
            assertThat(THIS_YEAR.isSchoolDay(request.windowEnd())).isTrue();
            assertThat(request.windowStart())
                    .isAfterOrEqualTo(TODAY.plusWeeks(2))
                    .isBeforeOrEqualTo(request.windowEnd());
            if (request.type() != EncounterType.WORK_EXPERIENCE) {
                assertThat(request.windowEnd()).isBeforeOrEqualTo(TODAY.plusWeeks(12));
            }
            assertThat(request.pupils())
                    .isBetween(1, hub.schools().get(request.school()).pupilsIn(request.yearGroup()));
        });
    }

    @Test
    void bookingsMatchTheirOffersTypeAndNeverPutAVolunteerInTwoPlacesOnOneDay() {
        assertThat(hub.bookings())
                .extracting(DemoHub.Booking::status)
                .contains(BookingStatus.DELIVERED, BookingStatus.PUBLISHED, BookingStatus.CONFIRMED);
        Set<String> volunteerDays = new HashSet<>();
        assertThat(hub.bookings()).allSatisfy(booking -> {
            DemoHub.Offer offer = hub.offers().get(booking.offer());
            assertThat(booking.type()).isEqualTo(offer.type());
            assertThat(booking.volunteer()).isEqualTo(offer.volunteer());
            assertThat(volunteerDays.add(booking.volunteer() + "/" + booking.startsOn()))
                    .isTrue();
            assertThat(booking.startsOn().isBefore(TODAY)).isEqualTo(booking.status() == BookingStatus.DELIVERED);
            DemoHub.Request request = hub.requests().get(booking.request());
            assertThat(request.type()).isEqualTo(booking.type());
        });
    }

    @Test
    void deliveredBookingsRecordAttendanceOfTheirChosenPupilsWithSomeAbsent() {
        List<Encounter> attendance = hub.bookingEncounters();
        assertThat(attendance).isNotEmpty();
        assertThat(attendance)
                .allSatisfy(encounter -> assertThat(
                                hub.bookings().get(encounter.booking()).status())
                        .isEqualTo(BookingStatus.DELIVERED));
        assertThat(attendance)
                .anySatisfy(encounter -> assertThat(encounter.attended()).isFalse());
        assertThat(attendance.stream().filter(Encounter::attended).count()).isGreaterThan(attendance.size() * 3L / 4);
        Set<String> chosen = new HashSet<>();
        hub.bookingPupils().forEach(p -> chosen.add(p.booking() + "/" + p.school() + "/" + p.pupilSequence()));
        assertThat(attendance)
                .allSatisfy(encounter -> assertThat(chosen)
                        .contains(encounter.booking() + "/" + encounter.school() + "/" + encounter.pupilSequence()));
    }

    @Test
    void employersHaveDistinctNormalisedNamesAndVolunteersDistinctEmailsAtTheirDomain() {
        assertThat(hub.employers()).extracting(DemoHub.Employer::normalisedName).doesNotHaveDuplicates();
        assertThat(hub.employers()).allSatisfy(employer -> {
            assertThat(employer.normalisedName()).matches("[a-z0-9 ]+").doesNotEndWith(" ltd");
            assertThat(employer.emailDomain()).endsWith(".example");
        });
        Set<String> emails = new HashSet<>();
        assertThat(hub.volunteers()).allSatisfy(volunteer -> {
            assertThat(volunteer.email())
                    .endsWith("@" + hub.employers().get(volunteer.employer()).emailDomain());
            assertThat(emails.add(volunteer.email())).isTrue();
        });
        assertThat(hub.volunteers())
                .anySatisfy(v -> assertThat(v.safeguardingCheckedUntil()).isAfter(TODAY));
        assertThat(hub.volunteers())
                .anySatisfy(v -> assertThat(v.safeguardingCheckedUntil()).isBefore(TODAY));
    }
}
