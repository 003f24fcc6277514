package uk.encounters.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class LoginTokenRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
    private static final AtomicInteger unique = new AtomicInteger();
    private static long hubId;

    private final LoginTokenRepository tokens = new LoginTokenRepository(db.dsl(), at(NOW));

    @BeforeAll
    static void hub() {
        hubId = new TestData(db.dsl()).hub("Derby");
    }

    @Test
    void issuesA256BitTokenThatExpiresInADay() {
        IssuedToken issued = tokens.issue(person(), Purpose.MAGIC_LINK);

        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void storesOnlyTheSha256OfTheToken() throws Exception {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.PASSWORD_RESET);

        List<String> rows = db.dsl()
                .fetch("select t::text from login_token t where user_id = ?", user)
                .getValues(0, String.class);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).doesNotContain(issued.token());
        String sha256 = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(issued.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(db.dsl().fetchValue(LOGIN_TOKEN.TOKEN_HASH, LOGIN_TOKEN.USER_ID.eq(user)))
                .isEqualTo(sha256);
    }

    @Test
    void redeemsATokenOnceOnly() {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.MAGIC_LINK);

        assertThat(tokens.redeem(issued.token(), Purpose.MAGIC_LINK)).contains(user);
        assertThat(tokens.redeem(issued.token(), Purpose.MAGIC_LINK)).isEmpty();
        assertThat(tokens.peek(issued.token(), Purpose.MAGIC_LINK)).isEmpty();
    }

    @Test
    void peeksAtATokenWithoutUsingIt() {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.INVITATION);

        assertThat(tokens.peek(issued.token(), Purpose.INVITATION)).contains(user);
        assertThat(tokens.peek(issued.token(), Purpose.INVITATION)).contains(user);
        assertThat(tokens.redeem(issued.token(), Purpose.INVITATION)).contains(user);
    }

    @Test
    void refusesATokenOnceItHasExpired() {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.MAGIC_LINK);
        LoginTokenRepository aDayLater = new LoginTokenRepository(db.dsl(), at(NOW.plus(Duration.ofHours(24))));
        LoginTokenRepository justBefore = new LoginTokenRepository(
                db.dsl(), at(NOW.plus(Duration.ofHours(24)).minusSeconds(1)));

        assertThat(aDayLater.peek(issued.token(), Purpose.MAGIC_LINK)).isEmpty();
        assertThat(aDayLater.redeem(issued.token(), Purpose.MAGIC_LINK)).isEmpty();
        assertThat(justBefore.redeem(issued.token(), Purpose.MAGIC_LINK)).contains(user);
    }

    @Test
    void refusesATokenIssuedForAnotherPurpose() {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.MAGIC_LINK);

        assertThat(tokens.redeem(issued.token(), Purpose.PASSWORD_RESET)).isEmpty();
        assertThat(tokens.peek(issued.token(), Purpose.INVITATION)).isEmpty();
        assertThat(tokens.redeem(issued.token(), Purpose.MAGIC_LINK)).contains(user);
    }

    @Test
    void refusesAnUnknownOrMalformedToken() {
        assertThat(tokens.redeem("not-a-token-we-issued", Purpose.MAGIC_LINK)).isEmpty();
        assertThat(tokens.redeem("", Purpose.MAGIC_LINK)).isEmpty();
        assertThat(tokens.redeem(null, Purpose.MAGIC_LINK)).isEmpty();
        assertThat(tokens.peek("x".repeat(10_000), Purpose.MAGIC_LINK)).isEmpty();
    }

    @Test
    void refusesATokenOfADisabledPerson() {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.PASSWORD_RESET);

        new AccountRepository(db.dsl()).disable(user);

        assertThat(tokens.peek(issued.token(), Purpose.PASSWORD_RESET)).isEmpty();
        assertThat(tokens.redeem(issued.token(), Purpose.PASSWORD_RESET)).isEmpty();
    }

    @Test
    void revokesEveryUnusedTokenOfAPerson() {
        long user = person();
        IssuedToken reset = tokens.issue(user, Purpose.PASSWORD_RESET);
        IssuedToken link = tokens.issue(user, Purpose.MAGIC_LINK);

        assertThat(tokens.revokeUnused(user)).isEqualTo(2);

        assertThat(tokens.redeem(reset.token(), Purpose.PASSWORD_RESET)).isEmpty();
        assertThat(tokens.redeem(link.token(), Purpose.MAGIC_LINK)).isEmpty();
    }

    @Test
    void letsOnlyOneOfTwoConcurrentRedemptionsSucceed() throws Exception {
        long user = person();
        IssuedToken issued = tokens.issue(user, Purpose.MAGIC_LINK);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Optional<Long>> redeem = () -> {
            start.await();
            return tokens.redeem(issued.token(), Purpose.MAGIC_LINK);
        };

        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Optional<Long>> first = pool.submit(redeem);
            Future<Optional<Long>> second = pool.submit(redeem);
            start.countDown();
            assertThat(List.of(first.get(), second.get()))
                    .containsExactlyInAnyOrder(Optional.of(user), Optional.empty());
        }
    }

    @Test
    void anEmailedLinkHasNoSecretUntilItsMessageIsSentAndOnlyTheLatestCopyWorks() {
        long user = person();
        long link = tokens.issueForEmail(user, Purpose.MAGIC_LINK);
        assertThat(db.dsl().fetchValue(LOGIN_TOKEN.TOKEN_HASH, LOGIN_TOKEN.ID.eq(link)))
                .as("nothing to leak yet")
                .isNull();

        LoginTokenRepository.MintedLink first = tokens.mint(link).orElseThrow();
        LoginTokenRepository.MintedLink resent = tokens.mint(link).orElseThrow();

        assertThat(first.purpose()).isEqualTo(Purpose.MAGIC_LINK);
        assertThat(first.toString()).doesNotContain(first.token());
        assertThat(tokens.peek(first.token(), Purpose.MAGIC_LINK))
                .as("a resend replaces the secret")
                .isEmpty();
        assertThat(tokens.redeem(resent.token(), Purpose.MAGIC_LINK)).contains(user);
        assertThat(tokens.mint(link)).as("a used link is not made again").isEmpty();
    }

    @Test
    void anOfferConfirmationConfirmsItsOwnOfferAndNoOther() {
        long user = person();
        TestData data = new TestData(db.dsl());
        long employer = data.employer(hubId, "Bound Links Ltd " + unique.incrementAndGet());
        long mine = data.offer(employer, OfferStatus.PENDING, java.time.LocalDate.of(2027, 7, 1));
        long theirs = data.offer(employer, OfferStatus.PENDING, java.time.LocalDate.of(2027, 7, 1));
        String token = tokens.mint(tokens.issueOfferConfirmation(user, mine))
                .orElseThrow()
                .token();

        assertThat(tokens.peek(token, Purpose.OFFER_CONFIRMATION, theirs)).isEmpty();
        assertThat(tokens.redeem(token, Purpose.OFFER_CONFIRMATION, theirs)).isEmpty();
        assertThat(tokens.redeem(token, Purpose.MAGIC_LINK))
                .as("nor does it sign anyone in")
                .isEmpty();
        assertThat(tokens.redeem(token, Purpose.OFFER_CONFIRMATION, mine)).contains(user);
    }

    @Test
    void aBookingReplyLinkAnswersForItsBookingUntilTheDayHasPassedAndCanBeUsedAgain() {
        TestData data = new TestData(db.dsl());
        long employer = data.employer(hubId, "Reply Links Ltd " + unique.incrementAndGet());
        long school = data.school(hubId, "Reply School " + unique.get());
        long offer = data.offer(employer, OfferStatus.ACTIVE, java.time.LocalDate.of(2027, 7, 1));
        java.time.LocalDate day = java.time.LocalDate.of(2027, 3, 12);
        long booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, day), offer, null, day, BookingStatus.PUBLISHED);
        long other = data.booking(
                data.request(school, 10, RequestStatus.MATCHED, day), offer, null, day, BookingStatus.PUBLISHED);
        long link = tokens.issueBookingReply(
                booking, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        String token = tokens.mint(link).orElseThrow().token();

        assertThat(tokens.answersFor(token, booking)).isTrue();
        assertThat(tokens.answersFor(token, booking))
                .as("confirm, then change one's mind")
                .isTrue();
        assertThat(tokens.answersFor(token, other)).isFalse();
        LoginTokenRepository afterTheDay =
                new LoginTokenRepository(db.dsl(), at(Instant.parse("2027-03-13T00:00:01Z")));
        assertThat(afterTheDay.answersFor(token, booking)).isFalse();
        assertThat(afterTheDay.mint(link))
                .as("an expired reply link is not made again")
                .isEmpty();
    }

    @Test
    void anOrganisationsInvitationIsForItsOrganisationAndItsPersonAndRunsAWeekFromSending() {
        long user = person();
        TestData data = new TestData(db.dsl());
        long mine = data.employer(hubId, "Invited Ltd " + unique.incrementAndGet());
        long theirs = data.employer(hubId, "Not Invited Ltd " + unique.get());
        long link = tokens.issueOrganisationInvitation(user, mine);
        LoginTokenRepository sentLater = new LoginTokenRepository(db.dsl(), at(NOW.plus(Duration.ofDays(2))));
        String token = sentLater.mint(link).orElseThrow().token();

        assertThat(db.dsl()
                        .fetchValue(LOGIN_TOKEN.EXPIRES_AT, LOGIN_TOKEN.ID.eq(link))
                        .toInstant())
                .as("a week from when its message is sent")
                .isEqualTo(NOW.plus(Duration.ofDays(9)));
        assertThat(tokens.peek(token, Purpose.ORGANISATION_INVITATION, theirs)).isEmpty();
        assertThat(tokens.redeem(token, Purpose.MAGIC_LINK))
                .as("nor does it sign anyone in")
                .isEmpty();
        LoginTokenRepository tooLate = new LoginTokenRepository(
                db.dsl(), at(NOW.plus(Duration.ofDays(9)).plusSeconds(1)));
        assertThat(tooLate.peek(token, Purpose.ORGANISATION_INVITATION, mine)).isEmpty();
        assertThat(tokens.redeem(token, Purpose.ORGANISATION_INVITATION, mine)).contains(user);
        assertThatThrownBy(() -> tokens.issueForEmail(user, Purpose.ORGANISATION_INVITATION))
                .as("it needs its organisation")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long person() {
        return new AccountRepository(db.dsl())
                .create(
                        "person" + unique.incrementAndGet() + "@example.org",
                        "A Person",
                        null,
                        Scope.coordinator(hubId));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
