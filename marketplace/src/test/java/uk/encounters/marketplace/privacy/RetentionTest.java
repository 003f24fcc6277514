package uk.encounters.marketplace.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVIDENCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;
import static uk.encounters.marketplace.jooq.Tables.WEB_SESSION;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class RetentionTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static DSLContext dsl() {
        return db.dsl();
    }

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusDays(days);
    }

    @Test
    void removeOldMessageBodiesKeepsWhoWhenAndSubject() {
        long old = message(daysAgo(31));
        long recent = message(daysAgo(29));
        long unsent = message(null);

        int removed = new Retention(dsl(), CLOCK).removeOldMessageBodies();

        assertThat(removed).isEqualTo(1);
        var kept = dsl().selectFrom(OUTBOX).where(OUTBOX.ID.eq(old)).fetchSingle();
        assertThat(kept.getBodyText()).isEqualTo(Retention.REMOVED_BODY);
        assertThat(kept.getBodyHtml()).isNull();
        assertThat(kept.getSubject()).isEqualTo("Your booking");
        assertThat(kept.getRecipient()).isEqualTo("someone@example.org");
        assertThat(body(recent)).startsWith("Sign in at");
        assertThat(body(unsent)).startsWith("Sign in at");
        assertThat(new Retention(dsl(), CLOCK).removeOldMessageBodies())
                .as("once")
                .isZero();
    }

    @Test
    void forgetOldAuditAddressesAfterTwelveMonths() {
        new AuditLog(dsl()).record(null, "sign_in_failed", null, null, null, "203.0.113.9");
        new AuditLog(dsl()).record(null, "sign_in_failed", null, null, null, "203.0.113.10");
        long oldId = dsl().select(AUDIT_LOG.ID)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.IP_ADDRESS.eq("203.0.113.9"))
                .fetchSingle(AUDIT_LOG.ID);
        dsl().update(AUDIT_LOG)
                .set(AUDIT_LOG.OCCURRED_AT, daysAgo(370))
                .where(AUDIT_LOG.ID.eq(oldId))
                .execute();

        int forgotten = new Retention(dsl(), CLOCK).forgetOldAuditAddresses();

        assertThat(forgotten).isEqualTo(1);
        assertThat(dsl().fetchValue(AUDIT_LOG.IP_ADDRESS, AUDIT_LOG.ID.eq(oldId)))
                .isNull();
        assertThat(dsl().fetchExists(AUDIT_LOG, AUDIT_LOG.IP_ADDRESS.eq("203.0.113.10")))
                .isTrue();
    }

    @Test
    void deleteLeaversPastRetentionKeepsTheirEvidenceInTallies() {
        TestData data = new TestData(dsl());
        long hub = data.hub("Retention hub " + UUID.randomUUID());
        long school = data.school(hub, "Leavers School");
        // left in July 2025 (archived on 1 September 2025): kept through 2025/26, gone in 2026/27
        long leaver = data.pupil(school, 13);
        dsl().update(PUPIL)
                .set(PUPIL.JOINED_ON, LocalDate.of(2023, 9, 1))
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.eq(leaver))
                .execute();
        data.archive(leaver, LocalDate.of(2025, 9, 1));
        // left in July 2026: kept until the end of 2026/27
        long recentLeaver = data.pupil(school, 13);
        data.archive(recentLeaver, LocalDate.of(2026, 9, 1));
        long current = data.pupil(school, 10);

        long employer = data.employer(hub, "Reach Ltd");
        long offer = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2025, 7, 31));
        long booking = data.booking(
                data.request(school, 13, RequestStatus.MATCHED, LocalDate.of(2025, 3, 1)),
                offer,
                null,
                LocalDate.of(2025, 3, 10),
                BookingStatus.DELIVERED);
        data.choose(booking, leaver);
        dsl().insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(leaver, booking, "careers_talk", LocalDate.of(2025, 3, 10), true)
                .execute();
        data.encounter(leaver, LocalDate.of(2024, 1, 15), true);
        data.encounter(recentLeaver, LocalDate.of(2026, 1, 15), true);
        int reachedBefore = new EmployerBookingRepository(dsl())
                .summary(employer, LocalDate.of(2026, 9, 2))
                .pupilsReached();

        Clock september2026 = Clock.fixed(Instant.parse("2026-09-02T02:00:00Z"), ZoneOffset.UTC);
        int deleted = new Retention(dsl(), september2026).deleteLeaversPastRetention();

        assertThat(deleted).isEqualTo(1);
        assertThat(dsl().fetchExists(PUPIL, PUPIL.ID.eq(leaver))).isFalse();
        assertThat(dsl().fetchExists(ENCOUNTER, ENCOUNTER.PUPIL_ID.eq(leaver))).isFalse();
        assertThat(dsl().fetchExists(BOOKING_PUPIL, BOOKING_PUPIL.PUPIL_ID.eq(leaver)))
                .isFalse();
        assertThat(dsl().fetchExists(PUPIL, PUPIL.ID.eq(recentLeaver))).isTrue();
        assertThat(dsl().fetchExists(PUPIL, PUPIL.ID.eq(current))).isTrue();
        assertThat(dsl().fetchValue(BOOKING.PUPILS, BOOKING.ID.eq(booking)))
                .as("the booking's count")
                .isEqualTo(30);

        // on roll 2023/24 in Year 11 to 2024/25 in Year 12... as archived in Year 13 after 2024/25
        var tallies = dsl().selectFrom(EVIDENCE_TALLY)
                .where(EVIDENCE_TALLY.SCHOOL_ID.eq(school))
                .orderBy(EVIDENCE_TALLY.ACADEMIC_YEAR)
                .fetch();
        assertThat(tallies).extracting(t -> t.getAcademicYear().intValue()).containsExactly(2023, 2024);
        assertThat(tallies).extracting(t -> t.getYearGroup().intValue()).containsExactly(12, 13);
        assertThat(tallies).allSatisfy(t -> {
            assertThat(t.getPupils()).isEqualTo(1);
            assertThat(t.getPupilsWithEncounter()).isEqualTo(1);
            assertThat(t.getEncounters()).isEqualTo(1);
            assertThat(t.getDisadvantaged()).isTrue();
        });
        var attendance = dsl().selectFrom(BOOKING_ATTENDANCE_TALLY)
                .where(BOOKING_ATTENDANCE_TALLY.BOOKING_ID.eq(booking))
                .fetchSingle();
        assertThat(attendance.getAttended()).isEqualTo(1);
        assertThat(attendance.getDisadvantagedAttended()).isEqualTo(1);
        assertThat(new EmployerBookingRepository(dsl())
                        .summary(employer, LocalDate.of(2026, 9, 2))
                        .pupilsReached())
                .as("what the employer reached survives")
                .isEqualTo(reachedBefore)
                .isEqualTo(1);

        assertThat(new Retention(dsl(), september2026).deleteLeaversPastRetention())
                .as("once")
                .isZero();
    }

    @Test
    void aHubThatKeepsLeaversLongerKeepsThem() {
        TestData data = new TestData(dsl());
        long hub = data.hub("Longer hub " + UUID.randomUUID());
        dsl().update(HUB)
                .set(HUB.PUPIL_RETENTION_YEARS, (short) 3)
                .where(HUB.ID.eq(hub))
                .execute();
        long leaver = data.pupil(data.school(hub, "Patient School"), 13);
        data.archive(leaver, LocalDate.of(2025, 9, 1));

        new Retention(dsl(), Clock.fixed(Instant.parse("2026-09-02T02:00:00Z"), ZoneOffset.UTC))
                .deleteLeaversPastRetention();

        assertThat(dsl().fetchExists(PUPIL, PUPIL.ID.eq(leaver))).isTrue();
    }

    @Test
    void anonymiseInactiveVolunteersKeepsTheirBookings() {
        TestData data = new TestData(dsl());
        long hub = data.hub("Volunteer hub " + UUID.randomUUID());
        long employer = data.employer(hub, "Volunteers Ltd");
        long school = data.school(hub, "Volunteer School");
        long idle = data.volunteer(employer);
        long busy = data.volunteer(employer);
        LocalDate longAgo = daysAgo(4 * 365).toLocalDate();
        long offer = data.offer(employer, OfferStatus.WITHDRAWN, longAgo.plusMonths(1));
        long oldBooking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, longAgo), offer, idle, longAgo, BookingStatus.DELIVERED);
        data.booking(
                data.request(school, 9, RequestStatus.MATCHED, longAgo),
                offer,
                busy,
                daysAgo(200).toLocalDate(),
                BookingStatus.DELIVERED);
        dsl().update(VOLUNTEER).set(VOLUNTEER.CREATED_AT, daysAgo(5 * 365)).execute();
        dsl().update(BOOKING)
                .set(BOOKING.UPDATED_AT, daysAgo(4 * 365))
                .where(BOOKING.VOLUNTEER_ID.eq(idle))
                .execute();

        int anonymised = new Retention(dsl(), CLOCK).anonymiseInactiveVolunteers();

        assertThat(anonymised).isEqualTo(1);
        var erased = dsl().selectFrom(VOLUNTEER).where(VOLUNTEER.ID.eq(idle)).fetchSingle();
        assertThat(erased.getName()).isEqualTo(Anonymisation.ERASED_VOLUNTEER);
        assertThat(erased.getEmail()).isEqualTo("erased-volunteer-" + idle + "@erased.invalid");
        assertThat(erased.getErasedAt()).isNotNull();
        assertThat(dsl().fetchValue(BOOKING.VOLUNTEER_ID, BOOKING.ID.eq(oldBooking)))
                .isEqualTo(idle);
        assertThat(dsl().fetchValue(VOLUNTEER.NAME, VOLUNTEER.ID.eq(busy))).isEqualTo("Sam Volunteer");
        assertThat(new Retention(dsl(), CLOCK).anonymiseInactiveVolunteers())
                .as("once")
                .isZero();
    }

    @Test
    void anonymiseInactiveEmployerContactsLeavesActiveOnesAndStaff() {
        TestData data = new TestData(dsl());
        long hub = data.hub("Contacts hub " + UUID.randomUUID());
        long employer = data.employer(hub, "Contacts Ltd");
        long idle = user("idle-" + UUID.randomUUID() + "@example.org");
        long signedIn = user("active-" + UUID.randomUUID() + "@example.org");
        long coordinator = user("coord-" + UUID.randomUUID() + "@example.org");
        for (long u : new long[] {idle, signedIn}) {
            dsl().insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.EMPLOYER_ID)
                    .values(u, "employer", employer)
                    .execute();
        }
        dsl().insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.HUB_ID)
                .values(coordinator, "coordinator", hub)
                .execute();
        String idleEmail = dsl().fetchValue(APP_USER.EMAIL, APP_USER.ID.eq(idle));
        dsl().insertInto(
                        OUTBOX, OUTBOX.IDEMPOTENCY_KEY, OUTBOX.KIND, OUTBOX.RECIPIENT, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT)
                .values(UUID.randomUUID().toString(), "digest", idleEmail, "Your bookings", "...")
                .execute();
        new AuditLog(dsl()).record(signedIn, "sign_in", "app_user", signedIn, null, "198.51.100.1");
        new AuditLog(dsl()).record(null, "sign_in_failed", null, null, java.util.Map.of("email", idleEmail), null);
        dsl().update(APP_USER)
                .set(APP_USER.CREATED_AT, daysAgo(4 * 365))
                .where(APP_USER.ID.in(idle, signedIn, coordinator))
                .execute();

        int anonymised = new Retention(dsl(), CLOCK).anonymiseInactiveEmployerContacts();

        assertThat(anonymised).isEqualTo(1);
        var erased = dsl().selectFrom(APP_USER).where(APP_USER.ID.eq(idle)).fetchSingle();
        assertThat(erased.getDisplayName()).isEqualTo(Anonymisation.ERASED_USER);
        assertThat(erased.getEmail()).doesNotContain("idle-");
        assertThat(erased.getDisabledAt()).isNotNull();
        assertThat(dsl().fetchExists(USER_SCOPE, USER_SCOPE.USER_ID.eq(idle))).isFalse();
        assertThat(dsl().fetchExists(OUTBOX, OUTBOX.RECIPIENT.eq(idleEmail))).isFalse();
        assertThat(dsl().fetchExists(
                                AUDIT_LOG, AUDIT_LOG.DETAIL.cast(String.class).contains(idleEmail)))
                .isFalse();
        assertThat(dsl().fetchValue(APP_USER.ERASED_AT, APP_USER.ID.eq(signedIn)))
                .isNull();
        assertThat(dsl().fetchValue(APP_USER.ERASED_AT, APP_USER.ID.eq(coordinator)))
                .isNull();
    }

    @Test
    void deleteExpiredTokensAndSessions() {
        long person = user("tokens-" + UUID.randomUUID() + "@example.org");
        token(person, daysAgo(8));
        long live = token(person, daysAgo(-1));
        dsl().insertInto(WEB_SESSION, WEB_SESSION.ID_HASH, WEB_SESSION.DATA, WEB_SESSION.EXPIRES_AT)
                .values("expired-" + UUID.randomUUID(), new byte[0], daysAgo(1))
                .execute();
        String liveSession = "live-" + UUID.randomUUID();
        dsl().insertInto(WEB_SESSION, WEB_SESSION.ID_HASH, WEB_SESSION.DATA, WEB_SESSION.EXPIRES_AT)
                .values(liveSession, new byte[0], daysAgo(-1))
                .execute();

        Retention retention = new Retention(dsl(), CLOCK);

        assertThat(retention.deleteExpiredTokens()).isEqualTo(1);
        assertThat(dsl().fetchExists(LOGIN_TOKEN, LOGIN_TOKEN.ID.eq(live))).isTrue();
        assertThat(retention.deleteExpiredSessions()).isEqualTo(1);
        assertThat(dsl().fetchExists(WEB_SESSION, WEB_SESSION.ID_HASH.eq(liveSession)))
                .isTrue();
    }

    @Test
    void runReportsEveryRule() {
        Retention.Report report = new Retention(dsl(), CLOCK).run();

        assertThat(report).isNotNull();
        assertThat(new Retention(dsl(), CLOCK).run().changedAnything())
                .as("nothing left to do")
                .isFalse();
    }

    private static long message(OffsetDateTime sentAt) {
        return dsl().insertInto(
                        OUTBOX,
                        OUTBOX.IDEMPOTENCY_KEY,
                        OUTBOX.KIND,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SUBJECT,
                        OUTBOX.BODY_TEXT,
                        OUTBOX.BODY_HTML,
                        OUTBOX.ATTACHMENTS,
                        OUTBOX.CREATED_AT,
                        OUTBOX.SENT_AT)
                .values(
                        UUID.randomUUID().toString(),
                        "magic_link",
                        "someone@example.org",
                        "Your booking",
                        "Sign in at https://example.org/sign-in/link/secret",
                        "<p>Sign in</p>",
                        JSONB.valueOf("[]"),
                        sentAt == null ? daysAgo(40) : sentAt.minusMinutes(1),
                        sentAt)
                .returning(OUTBOX.ID)
                .fetchSingle()
                .getId();
    }

    private static String body(long id) {
        return dsl().fetchValue(OUTBOX.BODY_TEXT, OUTBOX.ID.eq(id));
    }

    private static long user(String email) {
        return dsl().insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values(email, "Pat Person")
                .returning(APP_USER.ID)
                .fetchSingle()
                .getId();
    }

    private static long token(long userId, OffsetDateTime expiresAt) {
        return dsl().insertInto(
                        LOGIN_TOKEN,
                        LOGIN_TOKEN.USER_ID,
                        LOGIN_TOKEN.TOKEN_HASH,
                        LOGIN_TOKEN.PURPOSE,
                        LOGIN_TOKEN.EXPIRES_AT)
                .values(userId, UUID.randomUUID().toString().replace("-", ""), "magic_link", expiresAt)
                .returning(LOGIN_TOKEN.ID)
                .fetchSingle()
                .getId();
    }

    @Test
    void deleteUnreadPupilCommentsAfterThirtyDaysKeepingTheAnswersAndApprovedWords() {
        uk.encounters.marketplace.testing.TestData data = new uk.encounters.marketplace.testing.TestData(dsl());
        long hub = data.hub("Retention Hub");
        long school = data.school(hub, "Retention School");
        long booking = data.booking(
                data.request(
                        school, 9, uk.encounters.marketplace.request.RequestStatus.MATCHED, java.time.LocalDate.now()),
                data.offer(
                        data.employer(hub, "Retention Employer"),
                        uk.encounters.marketplace.offer.OfferStatus.ACTIVE,
                        java.time.LocalDate.now().plusMonths(1)),
                null,
                java.time.LocalDate.now(),
                uk.encounters.marketplace.booking.BookingStatus.DELIVERED);
        long unread = pupilAnswer(booking, "a", "Unread for a month", null, daysAgo(31));
        long approved = pupilAnswer(booking, "b", "Approved long ago", daysAgo(30), daysAgo(31));
        long recent = pupilAnswer(booking, "c", "Written last week", null, daysAgo(7));

        int deleted = new Retention(dsl(), CLOCK).deleteUnreadPupilComments();

        assertThat(deleted).isEqualTo(1);
        var table = uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;
        assertThat(dsl().fetchValue(table.COMMENT, table.ID.eq(unread))).isNull();
        assertThat(dsl().fetchCount(table, table.ID.eq(unread)))
                .as("the answers stay")
                .isEqualTo(1);
        assertThat(dsl().fetchValue(table.COMMENT, table.ID.eq(approved))).isEqualTo("Approved long ago");
        assertThat(dsl().fetchValue(table.COMMENT, table.ID.eq(recent))).isEqualTo("Written last week");
    }

    private static long pupilAnswer(
            long booking, String respondent, String comment, OffsetDateTime approvedAt, OffsetDateTime at) {
        var table = uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;
        return dsl().insertInto(table)
                .set(table.BOOKING_ID, booking)
                .set(table.RESPONDENT_HASH, respondent)
                .set(table.LEARNT_WHAT_WORK_IS_LIKE, uk.encounters.marketplace.feedback.PupilAnswer.YES)
                .set(table.LEARNT_WHAT_IT_TAKES, uk.encounters.marketplace.feedback.PupilAnswer.NO)
                .set(table.WOULD_CONSIDER, uk.encounters.marketplace.feedback.PupilAnswer.PARTLY)
                .set(table.COMMENT, comment)
                .set(table.COMMENT_APPROVED_AT, approvedAt)
                .set(table.CREATED_AT, at)
                .returning(table.ID)
                .fetchSingle(table.ID);
    }
}
