package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.OffersThroughTheYear;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Employers posting the week's new offers through the repository the offer forms save with, as
 * the form would take them: one group size, mornings and/or afternoons, dates or weekdays.
 * Generated offers name their employer and volunteer by place in the hub's lists; the loader
 * wrote them in that order into a fresh database, so their ids in id order are those places.
 */
final class EmployerPostings {

    private final DSLContext dsl;
    private final long hubId;
    private final List<Long> employerIds;
    private final List<Long> volunteerIds;

    EmployerPostings(DSLContext dsl, long hubId) {
        this.dsl = dsl;
        this.hubId = hubId;
        this.employerIds = dsl.select(EMPLOYER.ID)
                .from(EMPLOYER)
                .where(EMPLOYER.REGISTERED_IN_HUB_ID.eq(hubId))
                .orderBy(EMPLOYER.ID)
                .fetch(EMPLOYER.ID);
        this.volunteerIds = dsl.select(VOLUNTEER.ID)
                .from(VOLUNTEER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(VOLUNTEER.EMPLOYER_ID))
                .where(EMPLOYER.REGISTERED_IN_HUB_ID.eq(hubId))
                .orderBy(VOLUNTEER.ID)
                .fetch(VOLUNTEER.ID);
    }

    void post(List<OffersThroughTheYear.Posted> offers) {
        dsl.transaction(c -> {
            OfferRepository repository = new OfferRepository(c.dsl());
            for (OffersThroughTheYear.Posted posted : offers) {
                repository.create(
                        employerIds.get(posted.employer()),
                        hubId,
                        posted.volunteer() == null ? null : volunteerIds.get(posted.volunteer()),
                        details(posted.offer(), posted.availability()),
                        posted.offer().status());
            }
        });
    }

    private static OfferDetails details(DemoHub.Offer offer, List<DemoHub.Availability> availability) {
        Set<DayOfWeek> weekdays = new HashSet<>();
        List<LocalDate> dates = availability.stream()
                .filter(a -> a.availableOn() != null)
                .map(DemoHub.Availability::availableOn)
                .distinct()
                .sorted()
                .toList();
        availability.stream().filter(a -> a.weekday() != null).forEach(a -> weekdays.add(DayOfWeek.of(a.weekday())));
        boolean mornings = availability.stream().anyMatch(a -> !a.period().equals("afternoon"));
        boolean afternoons = availability.stream().anyMatch(a -> !a.period().equals("morning"));
        boolean placement = offer.type() == EncounterType.WORK_EXPERIENCE;
        return new OfferDetails(
                offer.type(),
                offer.title(),
                offer.topics(),
                offer.sector(),
                offer.yearGroupMin(),
                offer.yearGroupMax(),
                placement && offer.places() != null ? offer.places() : offer.pupilsMax(),
                offer.maxSessions(),
                offer.inSchool(),
                offer.atWorkplace(),
                offer.online(),
                // the demo's online offers are talks and insight sessions, never a workplace experience,
                // each for one school's class
                false,
                false,
                (int) Math.round(offer.travelRadiusKm()),
                offer.availableFrom(),
                offer.availableUntil(),
                weekdays,
                mornings || !afternoons,
                afternoons,
                dates,
                offer.sendAdaptable(),
                offer.costPerSessionPence(),
                null);
    }
}
