package uk.encounters.marketplace.privacy;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;
import static uk.encounters.marketplace.jooq.Tables.WEB_SESSION;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.SQLDataType;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.feedback.PupilComments;

/**
 * How long personal data is kept (docs/privacy.md, "How long"), one method per rule, each in its own
 * transaction and returning how many rows it changed. Every rule is safe to run again and from
 * several app instances at once; the web server runs them nightly.
 */
public final class Retention {

    /** A sent email's body holds links and booking details; who, when and the subject are kept. */
    public static final Duration MESSAGE_BODIES_KEPT = Duration.ofDays(30);

    public static final String REMOVED_BODY =
            "[Removed after 30 days: only the recipient, subject and dates are kept.]";
    public static final Period AUDIT_ADDRESSES_KEPT = Period.ofMonths(12);
    public static final Period INACTIVE_PEOPLE_KEPT = Period.ofYears(3);
    /** As LoginTokenRepository: an expired link is still told apart from a wrong one for a week. */
    public static final Duration EXPIRED_TOKENS_KEPT = Duration.ofDays(7);

    /** When the outbox gave up on a message (Outbox.markGaveUp). */
    private static final Field<OffsetDateTime> NEVER =
            field("'infinity'::timestamptz", SQLDataType.TIMESTAMPWITHTIMEZONE);

    /** What one run did. */
    public record Report(
            int messageBodies,
            int auditAddresses,
            int pupils,
            int volunteers,
            int employerContacts,
            int tokens,
            int sessions,
            int pupilComments) {

        public boolean changedAnything() {
            return messageBodies
                            + auditAddresses
                            + pupils
                            + volunteers
                            + employerContacts
                            + tokens
                            + sessions
                            + pupilComments
                    > 0;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public Retention(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Report run() {
        return new Report(
                removeOldMessageBodies(),
                forgetOldAuditAddresses(),
                deleteLeaversPastRetention(),
                anonymiseInactiveVolunteers(),
                anonymiseInactiveEmployerContacts(),
                deleteExpiredTokens(),
                deleteExpiredSessions(),
                deleteUnreadPupilComments());
    }

    /** Pupils' own words no careers leader approved within 30 days (PupilComments). */
    public int deleteUnreadPupilComments() {
        return new PupilComments(dsl, clock).deleteUnread();
    }

    /** Sent, or given up on, more than 30 days ago. */
    public int removeOldMessageBodies() {
        OffsetDateTime before = now().minus(MESSAGE_BODIES_KEPT);
        return dsl.transactionResult(c -> c.dsl()
                .update(OUTBOX)
                .set(OUTBOX.BODY_TEXT, REMOVED_BODY)
                .setNull(OUTBOX.BODY_HTML)
                .set(OUTBOX.ATTACHMENTS, JSONB.valueOf("[]"))
                .set(OUTBOX.BODY_REMOVED_AT, now())
                .where(OUTBOX.BODY_REMOVED_AT.isNull())
                .and(OUTBOX.SENT_AT
                        .lt(before)
                        // a message given up on is never sent, and waits for 'infinity'
                        .or(OUTBOX.SENT_AT
                                .isNull()
                                .and(OUTBOX.CREATED_AT.lt(before))
                                .and(OUTBOX.AVAILABLE_AT.eq(NEVER))))
                .execute());
    }

    public int forgetOldAuditAddresses() {
        OffsetDateTime before = now().minus(AUDIT_ADDRESSES_KEPT);
        return dsl.transactionResult(c -> c.dsl()
                .update(AUDIT_LOG)
                .setNull(AUDIT_LOG.IP_ADDRESS)
                .where(AUDIT_LOG.IP_ADDRESS.isNotNull())
                .and(AUDIT_LOG.OCCURRED_AT.lt(before))
                .execute());
    }

    /** After the hub's retention period (hub.pupil_retention_years), in batches of its own transactions. */
    public int deleteLeaversPastRetention() {
        return new LeaverDeletion(dsl).run(LocalDate.now(clock));
    }

    /** No booking, named offer or new record in three years: name, email and safeguarding date go. */
    public int anonymiseInactiveVolunteers() {
        OffsetDateTime before = now().minus(INACTIVE_PEOPLE_KEPT);
        LocalDate day = before.toLocalDate();
        return dsl.transactionResult(c -> new Anonymisation(c.dsl(), now())
                .volunteers(VOLUNTEER
                        .CREATED_AT
                        .lt(before)
                        .and(notExists(selectOne()
                                .from(BOOKING)
                                .where(BOOKING.VOLUNTEER_ID.eq(VOLUNTEER.ID))
                                .and(BOOKING.ENDS_ON.ge(day).or(BOOKING.UPDATED_AT.ge(before)))))
                        .and(notExists(selectOne()
                                .from(OFFER)
                                .where(OFFER.VOLUNTEER_ID.eq(VOLUNTEER.ID))
                                .and(OFFER.AVAILABLE_UNTIL.ge(day).or(OFFER.CREATED_AT.ge(before)))))));
    }

    /**
     * People who only ever acted for an employer and have neither signed in nor done anything
     * recorded in three years. School and hub staff are left to their organisations' leavers
     * process (an administrator's erasure).
     */
    public int anonymiseInactiveEmployerContacts() {
        OffsetDateTime before = now().minus(INACTIVE_PEOPLE_KEPT);
        return dsl.transactionResult(c -> new Anonymisation(c.dsl(), now())
                .users(APP_USER.CREATED_AT
                        .lt(before)
                        .and(exists(selectOne()
                                .from(USER_SCOPE)
                                .where(USER_SCOPE.USER_ID.eq(APP_USER.ID))
                                .and(USER_SCOPE.ROLE.eq(Role.EMPLOYER.code()))))
                        .and(notExists(selectOne()
                                .from(USER_SCOPE)
                                .where(USER_SCOPE.USER_ID.eq(APP_USER.ID))
                                .and(USER_SCOPE.ROLE.ne(Role.EMPLOYER.code()))))
                        .and(notExists(selectOne()
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ACTOR_USER_ID.eq(APP_USER.ID))
                                .and(AUDIT_LOG.OCCURRED_AT.ge(before))))
                        .and(notExists(selectOne()
                                .from(LOGIN_TOKEN)
                                .where(LOGIN_TOKEN.USER_ID.eq(APP_USER.ID))
                                .and(LOGIN_TOKEN.CREATED_AT.ge(before))))));
    }

    /** Sign-in links, password resets and invitations a week after they expired. */
    public int deleteExpiredTokens() {
        OffsetDateTime before = now().minus(EXPIRED_TOKENS_KEPT);
        return dsl.transactionResult(c -> c.dsl()
                .deleteFrom(LOGIN_TOKEN)
                .where(LOGIN_TOKEN.EXPIRES_AT.lt(before))
                .execute());
    }

    public int deleteExpiredSessions() {
        return dsl.transactionResult(c -> c.dsl()
                .deleteFrom(WEB_SESSION)
                .where(WEB_SESSION.EXPIRES_AT.le(now()))
                .execute());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
