package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.ExistingEmployer;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A placement a pupil or family arranged, recorded by the careers leader: the host (one of the hub's
 * organisations, or a new one), the contact there and the dates. The host is asked for the same
 * paperwork as any: its own people sign in to give it; a host nobody signs in for gets a link, to the
 * contact the school named, that declares for this placement's host and nothing else, and is asked
 * to host again for the hub. All of it one transaction, with its audit entry and its message.
 */
public final class SelfFoundPlacements {

    /**
     * The host as the careers leader gave it.
     *
     * @param existingEmployerId one of the hub's organisations, when the school chose it; else null for a new one
     */
    public record Host(Long existingEmployerId, String name, String postcode, String sector, String sizeBand) {}

    public record Contact(String name, String email, String phone) {}

    /** @param linkSent whether the host's contact was sent a link (a host nobody signs in for) */
    public record Recorded(long placementId, long employerId, boolean newOrganisation, boolean linkSent) {}

    private final DSLContext dsl;
    private final PlacementPages pages;
    private final String productName;
    private final Clock clock;

    public SelfFoundPlacements(DSLContext dsl, PlacementPages pages, String productName, Clock clock) {
        this.dsl = dsl;
        this.pages = pages;
        this.productName = productName;
        this.clock = clock;
    }

    /**
     * Records it; the caller has checked the pupil is the school's, on roll, and the fields are good.
     *
     * @throws IllegalArgumentException when the organisation chosen does not work with the school's hub
     */
    public Recorded record(
            Actor actor,
            long schoolId,
            long pupilId,
            Host host,
            Contact contact,
            LocalDate startsOn,
            LocalDate endsOn) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Record2<Long, String> school = tx.select(SCHOOL.HUB_ID, SCHOOL.NAME)
                    .from(SCHOOL)
                    .where(SCHOOL.ID.eq(schoolId))
                    .fetchSingle();
            long hubId = school.value1();
            EmployerRepository employers = new EmployerRepository(tx);
            long employerId;
            if (host.existingEmployerId() != null) {
                if (!employers.isPresent(host.existingEmployerId(), hubId)) {
                    throw new IllegalArgumentException(
                            "not one of the hub's organisations: " + host.existingEmployerId());
                }
                employerId = host.existingEmployerId();
            } else {
                // the contact's address is the school's word, not the organisation's: it claims no email domain
                employerId = employers.create(
                        hubId, host.name(), "", host.postcode(), host.sizeBand(), host.sector(), false, 1);
            }
            long placementId = tx.insertInto(PLACEMENT)
                    .set(PLACEMENT.PUPIL_ID, pupilId)
                    .set(PLACEMENT.EMPLOYER_ID, employerId)
                    .set(PLACEMENT.STARTS_ON, startsOn)
                    .set(PLACEMENT.ENDS_ON, endsOn)
                    .set(PLACEMENT.SOURCE, PlacementSource.SELF_FOUND)
                    .set(PLACEMENT.HOST_CONTACT_NAME, contact.name())
                    .set(PLACEMENT.HOST_CONTACT_EMAIL, contact.email())
                    .set(PLACEMENT.HOST_CONTACT_PHONE, contact.phone().isBlank() ? null : contact.phone())
                    .returning(PLACEMENT.ID)
                    .fetchSingle()
                    .getId();
            String hostName = tx.fetchValue(EMPLOYER.NAME, EMPLOYER.ID.eq(employerId));
            String postcode = tx.fetchValue(EMPLOYER.POSTCODE, EMPLOYER.ID.eq(employerId));
            String hubName = tx.fetchValue(HUB.NAME, HUB.ID.eq(hubId));
            String dates = DateStyle.range(startsOn, endsOn);
            Placement placement = new PlacementRepository(tx, clock)
                    .findGoingAhead(placementId)
                    .orElseThrow();
            String key = "placement-self-found:" + placementId;
            List<OutboxMessage> messages = new ArrayList<>();
            boolean linkSent = false;
            for (var addressee : HostAddressees.of(tx, clock, pages, employerId, List.of(placement), key)) {
                linkSent |= !addressee.ownPeople();
                String greeting = addressee.person().greeting();
                messages.add(
                        addressee.ownPeople()
                                ? addressee.message(
                                        key,
                                        "placement_self_found",
                                        school.value2() + ": a pupil's work experience with you",
                                        greeting + "\n\n" + school.value2()
                                                + " has recorded that one of its pupils will do work experience"
                                                + " with " + hostName + ", " + dates + ", arranged with "
                                                + contact.name() + ".\n\n"
                                                + "Before it starts the school needs your placement paperwork"
                                                + " (insurance, a risk assessment for a young person, the"
                                                + " supervisor), given once a year: " + addressee.link() + "\n\n"
                                                + productName + "\n")
                                : addressee.message(
                                        key,
                                        "placement_self_found",
                                        school.value2() + ": work experience with " + hostName + ", " + dates,
                                        greeting + "\n\nThank you for offering one of " + school.value2()
                                                + "'s pupils work experience with " + hostName + ", " + dates
                                                + ".\n\nBefore it starts the school needs to know that you are"
                                                + " insured, that you have thought about the risks to a young"
                                                + " person at your workplace, and who will look after them. It"
                                                + " takes about ten minutes, once a year, without an account:"
                                                + "\n\n" + addressee.link() + "\n\n(The link works until the"
                                                + " day after the placement ends.)\n\nWould you host again, or"
                                                + " give a talk, for other schools in " + hubName + "? Tell us"
                                                + " what you could offer: " + pages.offerForm(postcode, hubId)
                                                + "\n\n" + productName + "\n"));
            }
            new Outbox(tx).enqueueAll(messages);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("employer", employerId);
            detail.put("new_organisation", host.existingEmployerId() == null);
            detail.put("host_link_sent", linkSent);
            new AuditLog(tx).record(actor, "placement_self_found_recorded", "placement", placementId, detail);
            return new Recorded(placementId, employerId, host.existingEmployerId() == null, linkSent);
        });
    }

    /**
     * One of the school's hub's organisations the host looks like (by the contact's email domain, or
     * its name and postcode), for the careers leader to confirm: a suggestion, never a grant.
     */
    public Optional<ExistingEmployer> existingHost(long schoolId, String name, String email, String postcode) {
        long hubId = dsl.fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(schoolId));
        EmployerRepository employers = new EmployerRepository(dsl);
        return employers.findExisting(name, email, postcode).filter(e -> employers.isPresent(e.employerId(), hubId));
    }
}
