package uk.encounters.marketplace.placement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.matcher.explain.DateStyle;

/**
 * The links a school hands to a placed pupil's parent or carer and to the pupil: each opens that
 * placement only, for its one purpose, until the day after the placement ends. The app keeps only
 * the link's hash, so the school sees the link once, when it makes it, to print or pass on; making
 * another leaves the earlier ones working until they run out.
 */
public final class PlacementLinks {

    private final DSLContext dsl;
    private final Clock clock;

    public PlacementLinks(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A new link for the placement; its secret is in the answer and nowhere else. */
    public String make(Actor actor, Placement placement, Purpose purpose) {
        return dsl.transactionResult(c -> {
            String token = new LoginTokenRepository(c.dsl(), clock)
                    .issuePlacementLink(purpose, placement.id(), expiresAt(placement));
            new AuditLog(c.dsl())
                    .record(actor, "placement_link_made", "placement", placement.id(), Map.of("for", purpose.code()));
            return token;
        });
    }

    /**
     * A new link for the placement, emailed to an address the school typed: the app keeps the address
     * only in the message it sends, and the link's secret is made as the message is sent.
     *
     * @param signature the last line of the message: the service's name
     */
    public void email(Actor actor, Placement placement, Purpose purpose, String address, String signature) {
        dsl.transaction(c -> {
            long link = new LoginTokenRepository(c.dsl(), clock)
                    .issuePlacementLinkForEmail(purpose, placement.id(), expiresAt(placement));
            boolean parent = purpose == Purpose.PLACEMENT_AGREEMENT;
            String what = placement.employerName() + ", " + placement.dates();
            String body = "Hello,\n\n" + placement.schoolName()
                    + (parent
                            ? " has arranged a work-experience placement for your child: " + what + ".\n\nOpen the"
                                    + " link to read where and when it is, who will supervise them, how they are kept"
                                    + " safe and whom to call, then say whether you agree to it:\n\n"
                            : " has arranged your work experience: " + what + ".\n\nBefore your first day, open"
                                    + " the link, read the arrangements and tick each point of the checklist. From"
                                    + " your first day, come back to it to write about what you did and learnt:\n\n")
                    + LinkSlots.slot(link) + "\n\nThe link works until the end of "
                    + DateStyle.of(placement.endsOn()) + ".\n\n" + signature + "\n";
            new Outbox(c.dsl())
                    .enqueue(new OutboxMessage(
                            "placement-link:" + link,
                            parent ? "placement_parent_link" : "placement_pupil_link",
                            address,
                            parent ? "Work experience: please read and say whether you agree" : "Your work experience",
                            body,
                            null,
                            List.of(),
                            List.of(link)));
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "placement_link_emailed",
                            "placement",
                            placement.id(),
                            Map.of("for", purpose.code()));
        });
    }

    /** Whether {@code token} opens the placement for {@code purpose}. */
    public boolean opens(String token, Purpose purpose, long placementId) {
        return new LoginTokenRepository(dsl, clock).opens(token, purpose, placementId);
    }

    /** The start of the day after the placement's last, in the UK. */
    public static OffsetDateTime expiresAt(Placement placement) {
        return placement.endsOn().plusDays(1).atStartOfDay(DateStyle.UK).toOffsetDateTime();
    }
}
