package uk.encounters.marketplace.placement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
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

    /** Whether {@code token} opens the placement for {@code purpose}. */
    public boolean opens(String token, Purpose purpose, long placementId) {
        return new LoginTokenRepository(dsl, clock).opens(token, purpose, placementId);
    }

    /** The start of the day after the placement's last, in the UK. */
    public static OffsetDateTime expiresAt(Placement placement) {
        return placement.endsOn().plusDays(1).atStartOfDay(DateStyle.UK).toOffsetDateTime();
    }
}
