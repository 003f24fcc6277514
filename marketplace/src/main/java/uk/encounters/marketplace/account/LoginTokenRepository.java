package uk.encounters.marketplace.account;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The secrets in the links we email: sign in, reset a password, accept an invitation, confirm an
 * offer, answer a booking, accept an organisation. Each has one purpose and, where it acts on
 * something, one subject (the offer, the booking, the organisation), both checked when it is used. A secret is 256 random bits; the database holds
 * only its SHA-256, so a leaked table opens no account. A plain hash (not Argon2) is enough because
 * the secret, unlike a password, cannot be guessed.
 *
 * <p>A link to be emailed is issued without a secret: the outbox keeps a reference to it, and the
 * worker sending the message makes the secret ({@link #mint}), so no live link rests in the outbox.
 */
public final class LoginTokenRepository {

    public static final Duration LIFETIME = Duration.ofHours(24);
    /**
     * An organisation's invitation arrives unasked, perhaps while its person is away, and grants
     * nothing by itself (it only adds the organisation to an account its person signs in to as
     * usual): a week from when it is sent, restarted by a resend like the others.
     */
    public static final Duration ORGANISATION_INVITATION_LIFETIME = Duration.ofDays(7);
    /**
     * A message asking an organisation for something may be read weeks later, and its unsubscribe
     * link must still work then (mail providers test it): two months from when it is sent.
     */
    public static final Duration CONTACT_PREFERENCES_LIFETIME = Duration.ofDays(60);
    /** "How did it go?" may wait in a busy inbox: a month from when it is sent. */
    public static final Duration FEEDBACK_REQUEST_LIFETIME = Duration.ofDays(30);
    // 32 bytes are 43 base64url characters; anything much longer is not one of ours.
    private static final int LONGEST_TOKEN = 64;

    public enum Purpose {
        MAGIC_LINK("magic_link"),
        PASSWORD_RESET("password_reset"),
        INVITATION("invitation"),
        /** subject: the offer it puts live */
        OFFER_CONFIRMATION("offer_confirmation"),
        /** subject: the booking it answers; stands for the employer, works until the booking's day has passed */
        BOOKING_REPLY("booking_reply"),
        /**
         * subject: the organisation it asks its person (the token's user, who has an account) to
         * manage; works for {@link #ORGANISATION_INVITATION_LIFETIME}
         */
        ORGANISATION_INVITATION("organisation_invitation"),
        /**
         * subject: the placement a parent or carer is asked to agree to; stands for nobody with an
         * account, works (again and again) until the day after the placement ends
         */
        PLACEMENT_AGREEMENT("placement_agreement"),
        /** subject: the placement whose pupil it opens the checklist and reflection for; as the parent's */
        PLACEMENT_PUPIL("placement_pupil"),
        /**
         * subject: a placement a pupil found themselves, whose host (without an account) it lets declare
         * its placement paperwork; as the parent's
         */
        PLACEMENT_HOST("placement_host"),
        /**
         * subject: the organisation whose contact preferences it opens, from a message that asks it for
         * something (the List-Unsubscribe link); stands for nobody with an account, works (again and
         * again) for {@link #CONTACT_PREFERENCES_LIFETIME} from when it is sent
         */
        CONTACT_PREFERENCES("contact_preferences"),
        /**
         * subject: the booking whose school it asks "how did it go?", in the message after the session;
         * stands for nobody with an account, opens the school's form (again, until it is answered) for
         * {@link #FEEDBACK_REQUEST_LIFETIME} from when it is sent
         */
        SCHOOL_FEEDBACK("school_feedback"),
        /** subject: the booking whose employer it asks "how did it go?"; as the school's */
        EMPLOYER_FEEDBACK("employer_feedback"),
        /**
         * subject: the booking whose pupils it asks three questions, shown by the school as a QR code
         * at the end of the session; every pupil uses the same link, so it opens again and again until
         * it runs out, a week after the session
         */
        PUPIL_FEEDBACK("pupil_feedback");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        /** The value stored in {@code login_token.purpose}. */
        public String code() {
            return code;
        }

        /** A link bound to a booking or placement, running to its end however late it is sent. */
        boolean keepsItsEnd() {
            return this == BOOKING_REPLY
                    || this == PLACEMENT_AGREEMENT
                    || this == PLACEMENT_PUPIL
                    || this == PLACEMENT_HOST;
        }

        /** A link that opens one subject's page again and again until it runs out, rather than once. */
        boolean reusable() {
            return keepsItsEnd()
                    || this == CONTACT_PREFERENCES
                    || this == SCHOOL_FEEDBACK
                    || this == EMPLOYER_FEEDBACK
                    || this == PUPIL_FEEDBACK;
        }

        public static Purpose ofCode(String code) {
            for (Purpose p : values()) {
                if (p.code.equals(code)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("Unknown link purpose " + code);
        }
    }

    /** An emailed link's secret, made as its message is sent: goes into that message and nowhere else. */
    public record MintedLink(Purpose purpose, Long subjectId, String token) {

        @Override
        public String toString() {
            return "MintedLink[" + purpose + ", " + subjectId + "]";
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public LoginTokenRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A secret handed over at once, e.g. printed by a command; never put it in the outbox. */
    public IssuedToken issue(long userId, Purpose purpose) {
        String token = SecretToken.generate();
        OffsetDateTime expiresAt = now().plus(LIFETIME);
        dsl.insertInto(
                        LOGIN_TOKEN,
                        LOGIN_TOKEN.USER_ID,
                        LOGIN_TOKEN.TOKEN_HASH,
                        LOGIN_TOKEN.PURPOSE,
                        LOGIN_TOKEN.EXPIRES_AT)
                .values(userId, hashOf(token), purpose.code(), expiresAt)
                .execute();
        return new IssuedToken(userId, token, expiresAt.toInstant());
    }

    /** A link for an email to the person; answers its id, which the message refers to. */
    public long issueForEmail(long userId, Purpose purpose) {
        if (purpose.keepsItsEnd()
                || purpose == Purpose.OFFER_CONFIRMATION
                || purpose == Purpose.ORGANISATION_INVITATION
                || purpose == Purpose.CONTACT_PREFERENCES
                || purpose == Purpose.SCHOOL_FEEDBACK
                || purpose == Purpose.EMPLOYER_FEEDBACK
                || purpose == Purpose.PUPIL_FEEDBACK) {
            throw new IllegalArgumentException(purpose + " links need their subject");
        }
        return insertUnminted(userId, purpose, null, now().plus(LIFETIME));
    }

    /** The link that confirms this offer and no other. */
    public long issueOfferConfirmation(long userId, long offerId) {
        return insertUnminted(userId, Purpose.OFFER_CONFIRMATION, offerId, now().plus(LIFETIME));
    }

    /** The link that gives this person this organisation and no other, once they accept it. */
    public long issueOrganisationInvitation(long userId, long employerId) {
        return insertUnminted(
                userId, Purpose.ORGANISATION_INVITATION, employerId, now().plus(ORGANISATION_INVITATION_LIFETIME));
    }

    /**
     * A link to each organisation's contact preferences, for a message to it (made when the message is
     * sent): link id by organisation id, in one statement.
     */
    public Map<Long, Long> issueContactPreferences(Collection<Long> employerIds) {
        if (employerIds.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime expiresAt = now().plus(CONTACT_PREFERENCES_LIFETIME);
        var insert = dsl.insertInto(LOGIN_TOKEN, LOGIN_TOKEN.PURPOSE, LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.EXPIRES_AT);
        for (long employerId : employerIds) {
            insert = insert.values(Purpose.CONTACT_PREFERENCES.code(), employerId, expiresAt);
        }
        return insert.returningResult(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.ID)
                .fetchMap(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.ID);
    }

    /**
     * The link in a "how did it go?" message to one side of a booking (its purpose names the side),
     * made when the message is sent.
     */
    public long issueFeedbackRequest(Purpose purpose, long bookingId) {
        if (purpose != Purpose.SCHOOL_FEEDBACK && purpose != Purpose.EMPLOYER_FEEDBACK) {
            throw new IllegalArgumentException(purpose + " is not a feedback request");
        }
        return insertUnminted(null, purpose, bookingId, now().plus(FEEDBACK_REQUEST_LIFETIME));
    }

    /** The pupils' link to a booking's three questions, shown now: the secret is in the answer and nowhere else. */
    public String issuePupilFeedback(long bookingId, OffsetDateTime expiresAt) {
        return insertHandedOver(Purpose.PUPIL_FEEDBACK, bookingId, expiresAt);
    }

    /** The link that answers for this booking and no other, until {@code expiresAt}. */
    public long issueBookingReply(long bookingId, OffsetDateTime expiresAt) {
        return insertUnminted(null, Purpose.BOOKING_REPLY, bookingId, expiresAt);
    }

    /**
     * A parent's or a pupil's link to one placement, handed over now (printed, or shown as a QR
     * code): the secret is in the answer and nowhere else.
     */
    public String issuePlacementLink(Purpose purpose, long placementId, OffsetDateTime expiresAt) {
        placementPurpose(purpose);
        return insertHandedOver(purpose, placementId, expiresAt);
    }

    /** A link of nobody's with an account, handed over now: its secret is in the answer and nowhere else. */
    private String insertHandedOver(Purpose purpose, long subjectId, OffsetDateTime expiresAt) {
        String token = SecretToken.generate();
        dsl.insertInto(
                        LOGIN_TOKEN,
                        LOGIN_TOKEN.TOKEN_HASH,
                        LOGIN_TOKEN.PURPOSE,
                        LOGIN_TOKEN.SUBJECT_ID,
                        LOGIN_TOKEN.EXPIRES_AT)
                .values(hashOf(token), purpose.code(), subjectId, expiresAt)
                .execute();
        return token;
    }

    /** A parent's or a pupil's link to one placement, for an email: made when the message is sent. */
    public long issuePlacementLinkForEmail(Purpose purpose, long placementId, OffsetDateTime expiresAt) {
        placementPurpose(purpose);
        return insertUnminted(null, purpose, placementId, expiresAt);
    }

    private static void placementPurpose(Purpose purpose) {
        if (purpose != Purpose.PLACEMENT_AGREEMENT
                && purpose != Purpose.PLACEMENT_PUPIL
                && purpose != Purpose.PLACEMENT_HOST) {
            throw new IllegalArgumentException(purpose + " is not a placement's link");
        }
    }

    /**
     * Whether the link opens this subject (a placement, an organisation's contact preferences) for its
     * purpose: it may be used again until it runs out.
     */
    public boolean opens(String token, Purpose purpose, long subjectId) {
        if (!purpose.reusable()) {
            throw new IllegalArgumentException(purpose + " links work once: redeem them");
        }
        return looksLikeAToken(token) && dsl.fetchExists(LOGIN_TOKEN, usable(token, purpose, subjectId, now()));
    }

    /**
     * {@link #issueBookingReply} for many bookings in one statement: each booking's link id, by
     * booking id, made in the order given.
     */
    public Map<Long, Long> issueBookingReplies(Map<Long, OffsetDateTime> expiryByBooking) {
        if (expiryByBooking.isEmpty()) {
            return Map.of();
        }
        var insert = dsl.insertInto(LOGIN_TOKEN, LOGIN_TOKEN.PURPOSE, LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.EXPIRES_AT);
        for (Map.Entry<Long, OffsetDateTime> booking : expiryByBooking.entrySet()) {
            insert = insert.values(Purpose.BOOKING_REPLY.code(), booking.getKey(), booking.getValue());
        }
        return insert.returningResult(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.ID)
                .fetchMap(LOGIN_TOKEN.SUBJECT_ID, LOGIN_TOKEN.ID);
    }

    /**
     * Makes a fresh secret for an emailed link as its message is sent, and starts its lifetime then
     * (a booking's reply link keeps its own end; an organisation's invitation runs a week). Sending the message again makes a new secret, so
     * only the latest copy works. Empty when the link was used, has run out, or is gone.
     */
    public Optional<MintedLink> mint(long tokenId) {
        String token = SecretToken.generate();
        OffsetDateTime now = now();
        return dsl.update(LOGIN_TOKEN)
                .set(LOGIN_TOKEN.TOKEN_HASH, hashOf(token))
                .set(
                        LOGIN_TOKEN.EXPIRES_AT,
                        when(LOGIN_TOKEN.PURPOSE.in(keepingTheirEnd()), LOGIN_TOKEN.EXPIRES_AT)
                                .when(
                                        LOGIN_TOKEN.PURPOSE.eq(inline(Purpose.ORGANISATION_INVITATION.code())),
                                        now.plus(ORGANISATION_INVITATION_LIFETIME))
                                .when(
                                        LOGIN_TOKEN.PURPOSE.eq(inline(Purpose.CONTACT_PREFERENCES.code())),
                                        now.plus(CONTACT_PREFERENCES_LIFETIME))
                                .when(
                                        LOGIN_TOKEN.PURPOSE.in(
                                                inline(Purpose.SCHOOL_FEEDBACK.code()),
                                                inline(Purpose.EMPLOYER_FEEDBACK.code())),
                                        now.plus(FEEDBACK_REQUEST_LIFETIME))
                                .otherwise(now.plus(LIFETIME)))
                .where(LOGIN_TOKEN.ID.eq(tokenId))
                .and(LOGIN_TOKEN.USED_AT.isNull())
                .and(LOGIN_TOKEN.PURPOSE.notIn(keepingTheirEnd()).or(LOGIN_TOKEN.EXPIRES_AT.gt(now)))
                .returningResult(LOGIN_TOKEN.PURPOSE, LOGIN_TOKEN.SUBJECT_ID)
                .fetchOptional(
                        mapping((purpose, subjectId) -> new MintedLink(Purpose.ofCode(purpose), subjectId, token)));
    }

    /**
     * Uses the token and answers whose it was. One UPDATE both checks and spends it, so two
     * requests racing with the same link cannot both succeed. A token of another purpose or
     * subject, an expired or used one, or one of a disabled person, gives empty.
     */
    public Optional<Long> redeem(String token, Purpose purpose) {
        return redeem(token, purpose, null);
    }

    /** As {@link #redeem(String, Purpose)}, for a link that acts on {@code subjectId} only. */
    public Optional<Long> redeem(String token, Purpose purpose, Long subjectId) {
        if (!looksLikeAToken(token)) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return dsl.update(LOGIN_TOKEN)
                .set(LOGIN_TOKEN.USED_AT, now)
                .where(usable(token, purpose, subjectId, now))
                .returning(LOGIN_TOKEN.USER_ID)
                .fetchOptional(LOGIN_TOKEN.USER_ID);
    }

    /** Whose the token is while it is still usable, without using it: to show a form before its POST. */
    public Optional<Long> peek(String token, Purpose purpose) {
        return peek(token, purpose, null);
    }

    public Optional<Long> peek(String token, Purpose purpose, Long subjectId) {
        if (!looksLikeAToken(token)) {
            return Optional.empty();
        }
        return dsl.select(LOGIN_TOKEN.USER_ID)
                .from(LOGIN_TOKEN)
                .where(usable(token, purpose, subjectId, now()))
                .fetchOptional(LOGIN_TOKEN.USER_ID);
    }

    /** Whether a booking's reply link is good for that booking: it may be used again until it runs out. */
    public boolean answersFor(String token, long bookingId) {
        return opens(token, Purpose.BOOKING_REPLY, bookingId);
    }

    /** Spends every unused token of the person, e.g. once their password has changed. */
    public int revokeUnused(long userId) {
        return dsl.update(LOGIN_TOKEN)
                .set(LOGIN_TOKEN.USED_AT, now())
                .where(LOGIN_TOKEN.USER_ID.eq(userId))
                .and(LOGIN_TOKEN.USED_AT.isNull())
                .execute();
    }

    /** Drops tokens that expired more than a week ago; run now and then. */
    public int deleteExpired() {
        return dsl.deleteFrom(LOGIN_TOKEN)
                .where(LOGIN_TOKEN.EXPIRES_AT.lt(now().minusDays(7)))
                .execute();
    }

    private static List<Field<String>> keepingTheirEnd() {
        return Arrays.stream(Purpose.values())
                .filter(Purpose::keepsItsEnd)
                .<Field<String>>map(p -> inline(p.code()))
                .toList();
    }

    static String hashOf(String token) {
        return SecretToken.hashOf(token);
    }

    private long insertUnminted(Long userId, Purpose purpose, Long subjectId, OffsetDateTime expiresAt) {
        return dsl.insertInto(
                        LOGIN_TOKEN,
                        LOGIN_TOKEN.USER_ID,
                        LOGIN_TOKEN.PURPOSE,
                        LOGIN_TOKEN.SUBJECT_ID,
                        LOGIN_TOKEN.EXPIRES_AT)
                .values(userId, purpose.code(), subjectId, expiresAt)
                .returning(LOGIN_TOKEN.ID)
                .fetchOne(LOGIN_TOKEN.ID);
    }

    private static Condition usable(String token, Purpose purpose, Long subjectId, OffsetDateTime now) {
        return LOGIN_TOKEN
                .TOKEN_HASH
                .eq(hashOf(token))
                .and(LOGIN_TOKEN.PURPOSE.eq(purpose.code()))
                .and(subjectId == null ? LOGIN_TOKEN.SUBJECT_ID.isNull() : LOGIN_TOKEN.SUBJECT_ID.eq(subjectId))
                .and(LOGIN_TOKEN.USED_AT.isNull())
                .and(LOGIN_TOKEN.EXPIRES_AT.gt(now))
                .and(LOGIN_TOKEN
                        .USER_ID
                        .isNull()
                        .orExists(selectOne()
                                .from(APP_USER)
                                .where(APP_USER.ID.eq(LOGIN_TOKEN.USER_ID))
                                .and(APP_USER.DISABLED_AT.isNull())));
    }

    private static boolean looksLikeAToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= LONGEST_TOKEN;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
