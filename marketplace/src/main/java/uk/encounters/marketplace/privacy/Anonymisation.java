package uk.encounters.marketplace.privacy;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.ORGANISATION_JOIN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.RECOVERY_CODE;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER_OF_THE_YEAR;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Replaces a person's name and email with placeholders, keeping the row: bookings, offers and audit
 * entries still point at it, so every count stays as it was. Used by the nightly retention and by
 * an administrator's erasure; run it inside the caller's transaction.
 */
final class Anonymisation {

    static final String ERASED_VOLUNTEER = "Erased volunteer";
    static final String ERASED_USER = "Erased user";
    static final String ERASED_CITATION =
            "Named by the hub; the citation went when the volunteer's details were erased.";
    /** What an erased address becomes in the audit log's details and the outbox. */
    static final String ERASED_ADDRESS = "erased@erased.invalid";

    private final DSLContext tx;
    private final OffsetDateTime now;

    Anonymisation(DSLContext tx, OffsetDateTime now) {
        this.tx = tx;
        this.now = now;
    }

    /** @return how many volunteers were anonymised (those already erased are left alone) */
    int volunteers(Condition which) {
        var found = tx.select(VOLUNTEER.ID, VOLUNTEER.EMAIL)
                .from(VOLUNTEER)
                .where(which)
                .and(VOLUNTEER.ERASED_AT.isNull())
                .forUpdate()
                .fetch();
        if (found.isEmpty()) {
            return 0;
        }
        tx.update(VOLUNTEER)
                .set(VOLUNTEER.NAME, ERASED_VOLUNTEER)
                // unique per employer and still a valid-looking address, as the schema requires
                .set(
                        VOLUNTEER.EMAIL,
                        concat(inline("erased-volunteer-"), VOLUNTEER.ID.cast(String.class), inline("@erased.invalid")))
                .setNull(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                .set(VOLUNTEER.ACTIVE, false)
                .set(VOLUNTEER.ERASED_AT, now)
                .where(VOLUNTEER.ID.in(found.getValues(VOLUNTEER.ID)))
                .execute();
        // a hub's citation may name them or tell of them: the naming stays, its words do not
        tx.update(VOLUNTEER_OF_THE_YEAR)
                .set(VOLUNTEER_OF_THE_YEAR.CITATION, ERASED_CITATION)
                .where(VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID.in(found.getValues(VOLUNTEER.ID)))
                .execute();
        forgetAddresses(found.getValues(VOLUNTEER.EMAIL));
        return found.size();
    }

    /**
     * Also signs them out for good: no password, no live links, no roles, disabled; the IP
     * addresses of what they did are forgotten too.
     *
     * @return how many people were anonymised
     */
    int users(Condition which) {
        List<Long> ids = tx.select(APP_USER.ID)
                .from(APP_USER)
                .where(which)
                .and(APP_USER.ERASED_AT.isNull())
                .forUpdate()
                .fetch(APP_USER.ID);
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> emails = tx.select(APP_USER.EMAIL)
                .from(APP_USER)
                .where(APP_USER.ID.in(ids))
                .fetch(APP_USER.EMAIL);
        tx.update(APP_USER)
                .set(
                        APP_USER.EMAIL,
                        concat(inline("erased-user-"), APP_USER.ID.cast(String.class), inline("@erased.invalid")))
                .set(APP_USER.DISPLAY_NAME, ERASED_USER)
                .setNull(APP_USER.PASSWORD_HASH)
                .setNull(APP_USER.TOTP_SECRET)
                .setNull(APP_USER.TOTP_CONFIRMED_AT)
                .set(APP_USER.SESSIONS_ENDED_AT, now)
                .set(APP_USER.DISABLED_AT, coalesce(APP_USER.DISABLED_AT, val(now)))
                .set(APP_USER.ERASED_AT, now)
                .where(APP_USER.ID.in(ids))
                .execute();
        tx.deleteFrom(LOGIN_TOKEN).where(LOGIN_TOKEN.USER_ID.in(ids)).execute();
        tx.deleteFrom(USER_SCOPE).where(USER_SCOPE.USER_ID.in(ids)).execute();
        tx.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.in(ids)).execute();
        tx.update(ORGANISATION_JOIN)
                .set(ORGANISATION_JOIN.CONTACT_NAME, ERASED_USER)
                .where(ORGANISATION_JOIN.USER_ID.in(ids))
                .execute();
        tx.update(AUDIT_LOG)
                .setNull(AUDIT_LOG.IP_ADDRESS)
                .where(AUDIT_LOG.ACTOR_USER_ID.in(ids))
                .execute();
        forgetAddresses(emails);
        return ids.size();
    }

    /**
     * Addresses no longer held by anyone (no account or volunteer record that is not erased) leave
     * the outbox's recipients and the audit log's details too.
     */
    private void forgetAddresses(List<String> emails) {
        Set<String> gone = new HashSet<>();
        for (String email : emails) {
            String lower = email.toLowerCase(Locale.ROOT);
            boolean stillHeld = tx.fetchExists(selectOne()
                            .from(APP_USER)
                            .where(lower(APP_USER.EMAIL).eq(lower))
                            .and(APP_USER.ERASED_AT.isNull()))
                    || tx.fetchExists(selectOne()
                            .from(VOLUNTEER)
                            .where(lower(VOLUNTEER.EMAIL).eq(lower))
                            .and(VOLUNTEER.ERASED_AT.isNull()));
            if (!stillHeld) {
                gone.add(lower);
            }
        }
        for (String email : gone) {
            tx.update(OUTBOX)
                    .set(OUTBOX.RECIPIENT, ERASED_ADDRESS)
                    .where(lower(OUTBOX.RECIPIENT).eq(email))
                    .execute();
            redactAuditDetails(email);
        }
    }

    private void redactAuditDetails(String email) {
        Pattern address = Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE);
        var rows = tx.select(AUDIT_LOG.ID, AUDIT_LOG.DETAIL)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.DETAIL.cast(String.class).likeIgnoreCase("%" + likeEscaped(email) + "%", '!'))
                .fetch();
        for (var row : rows) {
            Matcher m = address.matcher(row.get(AUDIT_LOG.DETAIL).data());
            tx.update(AUDIT_LOG)
                    .set(AUDIT_LOG.DETAIL, JSONB.valueOf(m.replaceAll(ERASED_ADDRESS)))
                    .where(AUDIT_LOG.ID.eq(row.get(AUDIT_LOG.ID)))
                    .execute();
        }
    }

    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
