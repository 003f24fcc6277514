package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Addressees.Person;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * Whom a message about a host's placement paperwork goes to: the organisation's own people, with its
 * paperwork's page; or, for a host nobody signs in for, the person each placement a pupil found there
 * named, with a link that opens that placement's paperwork form. The link is made only when the
 * message is new (its key not yet in the outbox), so a reminder run hourly mints no stray tokens.
 */
final class HostAddressees {

    /**
     * One message's addressee and the link their message gives.
     *
     * @param hostLink the host link's token, whose address the outbox fills in as it sends; null for
     *     the organisation's own people, whose link is the paperwork page
     */
    record HostAddressee(Person person, String link, Long hostLink) {

        /** One of the organisation's own people, who sign in to give its paperwork. */
        boolean ownPeople() {
            return hostLink == null;
        }

        /** The message to them; its key is the caller's with their address. */
        OutboxMessage message(String key, String kind, String subject, String body) {
            return new OutboxMessage(
                    key + ":" + person.email(),
                    kind,
                    person.email(),
                    subject,
                    body,
                    null,
                    List.of(),
                    hostLink == null ? List.of() : List.of(hostLink));
        }
    }

    private HostAddressees() {}

    /** For the host's {@code placements}, under the message key {@code key}; none when all were told already. */
    static List<HostAddressee> of(
            DSLContext dsl,
            Clock clock,
            PlacementPages pages,
            long employerId,
            List<Placement> placements,
            String key) {
        List<Person> own = Addressees.withRole(dsl, USER_SCOPE.EMPLOYER_ID.eq(employerId), Role.EMPLOYER);
        if (!own.isEmpty()) {
            String page = pages.paperwork(employerId);
            return own.stream()
                    .map(person -> new HostAddressee(person, page, null))
                    .toList();
        }
        Map<String, Placement> byContact = new LinkedHashMap<>();
        placements.stream()
                .filter(p -> p.hostContact() != null)
                .forEach(p -> byContact.putIfAbsent(p.hostContact().email(), p));
        List<HostAddressee> contacts = new ArrayList<>();
        byContact.forEach((email, placement) -> {
            if (dsl.fetchExists(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.eq(key + ":" + email))) {
                return;
            }
            long link = new LoginTokenRepository(dsl, clock)
                    .issuePlacementLinkForEmail(
                            Purpose.PLACEMENT_HOST, placement.id(), PlacementLinks.expiresAt(placement));
            contacts.add(
                    new HostAddressee(new Person(email, placement.hostContact().name()), LinkSlots.slot(link), link));
        });
        return contacts;
    }
}
