package uk.encounters.marketplace.employer;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * Folds an organisation that slipped through twice into the record that stays. Everything moves:
 * offers, volunteers (one person on both records becomes one volunteer), their bookings, the
 * people who may manage it, schools' preferences for it, and its placement paperwork. The merged record stays, pointing
 * at the survivor, so nothing that referred to it breaks. The merge and its audit entry are one
 * transaction: {@link #merge(Actor, long, long)} owns it; the other {@code merge} runs in the
 * caller's.
 */
public final class EmployerMerge {

    /** What moved, as the audit log records it. */
    public record Moved(int offers, int volunteers, int volunteersFolded, int bookings, int people, int requests) {}

    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The database's rule that a volunteer is in one place at a time (migrations, V1). */
    private static final String ONE_PLACE_AT_A_TIME = "booking_volunteer_one_place_at_a_time_ex";

    private final DSLContext dsl;

    public EmployerMerge(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Merges in a transaction of its own: refused (nothing saved) when the pair cannot be merged,
     * such as one merged meanwhile by someone else, or a volunteer booked twice at once.
     */
    public Moved merge(Actor actor, long fromId, long intoId) {
        return dsl.transactionResult(
                c -> new EmployerMerge(c.dsl()).merge(fromId, intoId, actor.userId(), actor.ipAddress()));
    }

    /** Merges within the caller's transaction. */
    public Moved merge(long fromId, long intoId, Long actorUserId, String ipAddress) {
        if (fromId == intoId) {
            throw new Refused("An organisation cannot be merged into itself");
        }
        // lock both rows, in id order so two merges cannot deadlock
        var rows = dsl.selectFrom(EMPLOYER)
                .where(EMPLOYER.ID.in(fromId, intoId))
                .orderBy(EMPLOYER.ID)
                .forUpdate()
                .fetch();
        var from = rows.stream()
                .filter(r -> r.getId() == fromId)
                .findFirst()
                .orElseThrow(() -> new Refused("There is no organisation " + fromId));
        var into = rows.stream()
                .filter(r -> r.getId() == intoId)
                .findFirst()
                .orElseThrow(() -> new Refused("There is no organisation " + intoId));
        if (from.getMergedIntoId() != null || into.getMergedIntoId() != null) {
            throw new Refused("One of these organisations has already been merged into another");
        }
        if (!dsl.fetchExists(selectOne()
                .from(EMPLOYER_HUB_PRESENCE)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(fromId))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.in(select(EMPLOYER_HUB_PRESENCE.HUB_ID)
                        .from(EMPLOYER_HUB_PRESENCE)
                        .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(intoId)))))) {
            throw new Refused("Only organisations in the same Careers Hub can be merged");
        }
        joinPresences(fromId, intoId);

        int folded = foldSharedVolunteers(fromId, intoId);
        int volunteers = dsl.update(VOLUNTEER)
                .set(VOLUNTEER.EMPLOYER_ID, intoId)
                .where(VOLUNTEER.EMPLOYER_ID.eq(fromId))
                .execute();
        // bookings hang off offers, so they move with them
        int bookings =
                dsl.fetchCount(BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)), OFFER.EMPLOYER_ID.eq(fromId));
        int offers = dsl.update(OFFER)
                .set(OFFER.EMPLOYER_ID, intoId)
                .where(OFFER.EMPLOYER_ID.eq(fromId))
                .execute();
        int people = moveScopes(fromId, intoId);
        int requests = dsl.update(REQUEST)
                .set(REQUEST.PREFERRED_EMPLOYER_ID, intoId)
                .where(REQUEST.PREFERRED_EMPLOYER_ID.eq(fromId))
                .execute();
        dsl.update(SCHOOL)
                .set(SCHOOL.LINKED_EMPLOYER_ID, intoId)
                .where(SCHOOL.LINKED_EMPLOYER_ID.eq(fromId))
                .execute();
        // its placement paperwork: the files, and with them the declarations citing them (on update cascade)
        int paperwork = dsl.update(PLACEMENT_DOCUMENT)
                .set(PLACEMENT_DOCUMENT.EMPLOYER_ID, intoId)
                .where(PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(fromId))
                .execute();
        dsl.update(PLACEMENT)
                .set(PLACEMENT.EMPLOYER_ID, intoId)
                .where(PLACEMENT.EMPLOYER_ID.eq(fromId))
                .execute();

        if (into.getEmailDomain() == null && from.getEmailDomain() != null) {
            into.setEmailDomain(from.getEmailDomain());
        }
        // the moved bookings' workplace visits still need a site: the kept record's, else the merged one's
        if (into.getSiteAddress() == null && from.getSiteAddress() != null) {
            into.setSiteAddress(from.getSiteAddress());
            into.setSiteContactName(from.getSiteContactName());
            into.setSiteContactPhone(from.getSiteContactPhone());
            into.setArrivalInstructions(from.getArrivalInstructions());
        }
        if (EmployerKind.AGENCY.code().equals(from.getKind())) {
            into.setKind(EmployerKind.AGENCY.code());
        }
        if (Long.valueOf(fromId).equals(into.getViaAgencyId())) {
            // the kept one came via the merged one: it cannot have come via itself
            into.setViaAgencyId(null);
        } else if (into.getViaAgencyId() == null && !Long.valueOf(intoId).equals(from.getViaAgencyId())) {
            into.setViaAgencyId(from.getViaAgencyId());
        }
        into.store();
        // employers brought in by the merged agency now came via the kept one
        dsl.update(EMPLOYER)
                .set(EMPLOYER.VIA_AGENCY_ID, intoId)
                .where(EMPLOYER.VIA_AGENCY_ID.eq(fromId))
                .and(EMPLOYER.ID.ne(intoId))
                .execute();
        dsl.update(EMPLOYER)
                .set(EMPLOYER.MERGED_INTO_ID, intoId)
                .where(EMPLOYER.ID.eq(fromId).or(EMPLOYER.MERGED_INTO_ID.eq(fromId)))
                .execute();

        Moved moved = new Moved(offers, volunteers + folded, folded, bookings, people, requests);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("merged_from", fromId);
        detail.put("merged_from_name", from.getName());
        detail.put("into_name", into.getName());
        detail.put("offers", offers);
        detail.put("volunteers", volunteers + folded);
        detail.put("volunteers_folded", folded);
        detail.put("bookings", bookings);
        detail.put("people", people);
        detail.put("school_preferences", requests);
        detail.put("placement_documents", paperwork);
        new AuditLog(dsl).record(actorUserId, "employers_merged", "employer", intoId, detail, ipAddress);
        return moved;
    }

    /**
     * The kept record works with every hub the merged one did, so the offers that move stay each
     * hub's own. Where both were in one hub, the stricter wish about being asked wins (nobody should
     * be asked more than they said) and a cornerstone mark on either holds.
     */
    private void joinPresences(long fromId, long intoId) {
        var kept = EMPLOYER_HUB_PRESENCE.as("kept");
        var merged = EMPLOYER_HUB_PRESENCE.as("merged");
        dsl.update(kept)
                .set(kept.MAX_ASKS_PER_MONTH, least(kept.MAX_ASKS_PER_MONTH, merged.MAX_ASKS_PER_MONTH))
                .set(kept.CORNERSTONE, DSL.field(DSL.condition(kept.CORNERSTONE).or(DSL.condition(merged.CORNERSTONE))))
                .set(kept.JOINED_ON, least(kept.JOINED_ON, merged.JOINED_ON))
                .from(merged)
                .where(kept.EMPLOYER_ID.eq(intoId))
                .and(merged.EMPLOYER_ID.eq(fromId))
                .and(merged.HUB_ID.eq(kept.HUB_ID))
                .execute();
        dsl.insertInto(
                        EMPLOYER_HUB_PRESENCE,
                        EMPLOYER_HUB_PRESENCE.EMPLOYER_ID,
                        EMPLOYER_HUB_PRESENCE.HUB_ID,
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH,
                        EMPLOYER_HUB_PRESENCE.JOINED_ON)
                .select(select(
                                inline(intoId),
                                merged.HUB_ID,
                                merged.CORNERSTONE,
                                merged.MAX_ASKS_PER_MONTH,
                                merged.JOINED_ON)
                        .from(merged)
                        .where(merged.EMPLOYER_ID.eq(fromId)))
                .onConflictDoNothing()
                .execute();
    }

    /**
     * A person on both records becomes the survivor's volunteer: their offers and bookings follow,
     * the later safeguarding check is kept, and the duplicate row goes.
     */
    private int foldSharedVolunteers(long fromId, long intoId) {
        var survivor = VOLUNTEER.as("kept");
        var pairs = dsl.select(
                        VOLUNTEER.ID,
                        VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL,
                        survivor.ID,
                        survivor.SAFEGUARDING_CHECKED_UNTIL,
                        VOLUNTEER.NAME,
                        VOLUNTEER.EMAIL)
                .from(VOLUNTEER)
                .join(survivor)
                .on(lower(survivor.EMAIL).eq(lower(VOLUNTEER.EMAIL)))
                .where(VOLUNTEER.EMPLOYER_ID.eq(fromId))
                .and(survivor.EMPLOYER_ID.eq(intoId))
                .fetch();
        for (var pair : pairs) {
            long duplicate = pair.get(VOLUNTEER.ID);
            long kept = pair.get(survivor.ID);
            dsl.update(OFFER)
                    .set(OFFER.VOLUNTEER_ID, kept)
                    .where(OFFER.VOLUNTEER_ID.eq(duplicate))
                    .execute();
            // may break the one-place-at-a-time rule if both records were booked at once; the
            // transaction then fails and the coordinator is told which person to sort out
            try {
                dsl.update(BOOKING)
                        .set(BOOKING.VOLUNTEER_ID, kept)
                        .where(BOOKING.VOLUNTEER_ID.eq(duplicate))
                        .execute();
            } catch (DataAccessException e) {
                if (e.getMessage() == null || !e.getMessage().contains(ONE_PLACE_AT_A_TIME)) {
                    throw e;
                }
                throw new Refused(pair.get(VOLUNTEER.NAME) + " (" + pair.get(VOLUNTEER.EMAIL)
                        + ") volunteers for both organisations and is"
                        + " booked at the same time for each. Cancel or move one of those bookings, then merge again");
            }
            dsl.update(VOLUNTEER)
                    .set(
                            VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL,
                            later(
                                    pair.get(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL),
                                    pair.get(survivor.SAFEGUARDING_CHECKED_UNTIL)))
                    .where(VOLUNTEER.ID.eq(kept))
                    .execute();
            dsl.deleteFrom(VOLUNTEER).where(VOLUNTEER.ID.eq(duplicate)).execute();
        }
        return pairs.size();
    }

    /** The later of two safeguarding checks; null when neither person was checked. */
    private static LocalDate later(LocalDate duplicate, LocalDate kept) {
        if (duplicate == null) {
            return kept;
        }
        return kept == null || duplicate.isAfter(kept) ? duplicate : kept;
    }

    /** People who managed the merged record manage the survivor; nobody gets the scope twice. */
    private int moveScopes(long fromId, long intoId) {
        var alreadyThere = dsl.select(USER_SCOPE.USER_ID).from(USER_SCOPE).where(USER_SCOPE.EMPLOYER_ID.eq(intoId));
        dsl.deleteFrom(USER_SCOPE)
                .where(USER_SCOPE.EMPLOYER_ID.eq(fromId))
                .and(USER_SCOPE.USER_ID.in(alreadyThere))
                .execute();
        return dsl.update(USER_SCOPE)
                .set(USER_SCOPE.EMPLOYER_ID, intoId)
                .where(USER_SCOPE.EMPLOYER_ID.eq(fromId))
                .execute();
    }
}
