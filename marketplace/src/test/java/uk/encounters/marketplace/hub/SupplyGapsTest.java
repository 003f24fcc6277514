package uk.encounters.marketplace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Unmet demand of a hub's open requests, grouped into recruitment targets. The next round's weeks
 * run from Monday 30 November 2026 to Friday 22 January 2027 (Christmas skipped).
 */
class SupplyGapsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    static final String NO_TALKS = "No offer of a careers talk in the hub this round";
    static final String CAP = "the employer's contact cap for this round is reached";
    static long hub;

    @BeforeAll
    static void requestsSomeBookedSomeProposedSomeNot() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Gap hub");
        long bemrose = school(data, hub, "Bemrose School", "DE23 6AA");
        long derbyMoor = school(data, hub, "Derby Moor Academy", "de238zx");
        long noPostcode = school(data, hub, "=Danger School", null);
        long elsewhere = school(data, data.hub("Other hub"), "Elsewhere School", "DE23 1AA");
        long employer = data.employer(hub, "Talks Ltd");
        long talks = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        long placements = db.dsl()
                .insertInto(
                        OFFER,
                        OFFER.EMPLOYER_ID,
                        OFFER.HUB_ID,
                        OFFER.ENCOUNTER_TYPE,
                        OFFER.TITLE,
                        OFFER.SECTOR,
                        OFFER.AT_WORKPLACE,
                        OFFER.PUPILS_MAX,
                        OFFER.PLACES,
                        OFFER.STATUS,
                        OFFER.AVAILABLE_FROM,
                        OFFER.AVAILABLE_UNTIL)
                .values(
                        employer,
                        hub,
                        "work_experience",
                        "A week with us",
                        "Manufacturing",
                        true,
                        5,
                        5,
                        OfferStatus.ACTIVE,
                        LocalDate.of(2026, 9, 1),
                        LocalDate.of(2027, 3, 1))
                .returning(OFFER.ID)
                .fetchOne()
                .getId();
        long published = round(RoundStatus.PUBLISHED, 3);
        long proposed = round(RoundStatus.PROPOSED, 2);
        long discarded = round(RoundStatus.DISCARDED, 1);

        // Manufacturing talks for Years 8 and 9 at two DE23 schools: 3 asked, 1 published; 4; and 1
        long r1 = request(bemrose, 8, "careers_talk", 3, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        inRound(data.booking(r1, talks, null, LocalDate.of(2026, 12, 2), BookingStatus.PUBLISHED), published);
        long r2 = request(bemrose, 9, "careers_talk", 4, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        request(derbyMoor, 9, "careers_talk", 1, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        // any sector for Year 12
        long r4 = request(bemrose, 12, "careers_talk", 2, null, Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        // five work-experience places: two in the live proposal, one in a discarded round (which holds nothing)
        long r5 = request(bemrose, 10, "work_experience", 5, null, Mode.AT_WORKPLACE, DECEMBER, RequestStatus.OPEN);
        placement(r5, placements, 2, proposed);
        placement(r5, placements, 1, discarded);
        request(bemrose, 13, "online_insight", 1, null, Mode.ONLINE, DECEMBER, RequestStatus.OPEN);
        request(
                bemrose,
                7,
                "workplace_visit",
                1,
                "Professional, scientific & technical",
                Mode.AT_WORKPLACE,
                DECEMBER,
                RequestStatus.OPEN);
        request(noPostcode, 7, "careers_talk", 1, null, Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        // not counted: after the next round's weeks, matched, fully booked, window passed, another hub
        request(
                bemrose,
                8,
                "careers_talk",
                2,
                "Manufacturing",
                Mode.IN_SCHOOL,
                LocalDate.of(2027, 3, 1),
                RequestStatus.OPEN);
        request(bemrose, 8, "careers_talk", 2, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.MATCHED);
        long booked =
                request(bemrose, 8, "careers_talk", 1, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);
        data.booking(booked, talks, null, LocalDate.of(2026, 12, 3), BookingStatus.CONFIRMED);
        request(
                bemrose,
                8,
                "careers_talk",
                2,
                "Manufacturing",
                Mode.IN_SCHOOL,
                LocalDate.of(2026, 10, 26),
                RequestStatus.OPEN);
        request(elsewhere, 8, "careers_talk", 2, "Manufacturing", Mode.IN_SCHOOL, DECEMBER, RequestStatus.OPEN);

        // the latest round's reasons are quoted; older and discarded rounds' are not
        data.unmatched(proposed, r1, NO_TALKS + "\n" + CAP);
        data.unmatched(proposed, r2, NO_TALKS);
        data.unmatched(published, r4, "An old reason");
        data.unmatched(discarded, r4, "A discarded reason");
    }

    @Test
    void unmetSessionsAreGroupedByTypeSectorYearBandAndArea() {
        SupplyGaps gaps = SupplyGaps.forHub(db.dsl(), hub, TODAY);

        assertThat(gaps.targets())
                .extracting(RecruitmentTarget::wording)
                .containsExactly(
                        "7 more manufacturing talks for Years 8-9 within 20 km of DE23",
                        "3 more work experience places for Year 10 within 20 km of DE23",
                        "2 more careers talks for Year 12 within 20 km of DE23",
                        "1 more careers talk for Year 7 within 20 km of =Danger School",
                        "1 more professional, scientific & technical workplace visit for Year 7 within 20 km of DE23",
                        "1 more online insight session for Year 13 online, for schools in DE23");
        RecruitmentTarget talks = gaps.targets().getFirst();
        assertThat(talks.type()).isEqualTo(EncounterType.CAREERS_TALK);
        assertThat(talks.needed()).isEqualTo(7);
        assertThat(talks.requests()).isEqualTo(3);
        assertThat(talks.schools()).isEqualTo(2);
        assertThat(talks.sector()).isEqualTo("Manufacturing");
        assertThat(gaps.targets().get(2).sector()).isEqualTo("any");
    }

    @Test
    void theLatestRoundsReasonsAreQuotedCommonestFirst() {
        SupplyGaps gaps = SupplyGaps.forHub(db.dsl(), hub, TODAY);

        assertThat(gaps.roundId()).isEqualTo(roundOf(RoundStatus.PROPOSED));
        assertThat(gaps.targets().getFirst().reasons()).containsExactly(NO_TALKS, CAP);
        assertThat(gaps.targets().get(2).reasons()).isEmpty();
    }

    @Test
    void theCsvHasOneQuotedFormulaSafeRowPerTarget() {
        String csv = SupplyGaps.forHub(db.dsl(), hub, TODAY).csv();

        assertThat(csv).startsWith("\uFEFF");
        List<String> rows = csv.substring(1).lines().toList();
        assertThat(csv.substring(1).split("\r\n")).hasSize(7);
        assertThat(rows)
                .containsExactly(
                        "target,more_needed,encounter_type,sector,year_groups,area,within_km,online_only,requests,schools,"
                                + "latest_round_reasons",
                        "7 more manufacturing talks for Years 8-9 within 20 km of DE23,7,Careers talk,Manufacturing,Years 8-9,DE23,"
                                + "20,no,3,2," + NO_TALKS + "; " + CAP,
                        "3 more work experience places for Year 10 within 20 km of DE23,3,Work experience placement,any,Year 10,"
                                + "DE23,20,no,1,1,",
                        "2 more careers talks for Year 12 within 20 km of DE23,2,Careers talk,any,Year 12,DE23,20,no,1,1,",
                        "1 more careers talk for Year 7 within 20 km of =Danger School,1,Careers talk,any,Year 7,'=Danger School,"
                                + "20,no,1,1,",
                        "\"1 more professional, scientific & technical workplace visit for Year 7 within 20 km of DE23\",1,"
                                + "Workplace visit,\"Professional, scientific & technical\",Year 7,DE23,20,no,1,1,",
                        "\"1 more online insight session for Year 13 online, for schools in DE23\",1,Online insight session,any,"
                                + "Year 13,DE23,,yes,1,1,");
    }

    @Test
    void aHubWithNoOpenRequestsHasNoTargets() {
        long empty = new TestData(db.dsl()).hub("Quiet hub");

        SupplyGaps gaps = SupplyGaps.forHub(db.dsl(), empty, TODAY);

        assertThat(gaps.targets()).isEmpty();
        assertThat(gaps.roundId()).isNull();
        assertThat(gaps.csv().substring(1).lines().count()).isEqualTo(1);
    }

    enum Mode {
        IN_SCHOOL,
        AT_WORKPLACE,
        ONLINE
    }

    private static long school(TestData data, long hubId, String name, String postcode) {
        long id = data.school(hubId, name);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }

    private static long request(
            long school,
            int year,
            String type,
            int units,
            String sectors,
            Mode mode,
            LocalDate from,
            RequestStatus status) {
        boolean placement = type.equals("work_experience");
        return db.dsl()
                .insertInto(REQUEST)
                .set(REQUEST.SCHOOL_ID, school)
                .set(REQUEST.YEAR_GROUP, (short) year)
                .set(REQUEST.ENCOUNTER_TYPE, type)
                .set(REQUEST.PUPILS, placement ? units : 30)
                .set(REQUEST.SESSIONS, placement ? 1 : units)
                .set(REQUEST.WINDOW_START, from)
                .set(REQUEST.WINDOW_END, from.plusWeeks(3))
                .set(REQUEST.PREFERRED_SECTORS, sectors)
                .set(REQUEST.IN_SCHOOL, mode == Mode.IN_SCHOOL)
                .set(REQUEST.AT_WORKPLACE, mode == Mode.AT_WORKPLACE)
                .set(REQUEST.ONLINE, mode == Mode.ONLINE)
                .set(REQUEST.STATUS, status)
                .returning(REQUEST.ID)
                .fetchOne()
                .getId();
    }

    /** A round of the hub, created {@code daysAgo} days ago. */
    private static long round(RoundStatus status, int daysAgo) {
        OffsetDateTime at = TODAY.minusDays(daysAgo).atStartOfDay().atOffset(ZoneOffset.UTC);
        return db.dsl()
                .insertInto(MATCHING_ROUND)
                .set(MATCHING_ROUND.HUB_ID, hub)
                .set(MATCHING_ROUND.STATUS, status)
                .set(MATCHING_ROUND.HORIZON_START, TODAY.plusWeeks(1))
                .set(MATCHING_ROUND.HORIZON_END, TODAY.plusWeeks(7))
                .set(MATCHING_ROUND.CREATED_AT, at)
                .set(MATCHING_ROUND.PUBLISHED_AT, status == RoundStatus.PUBLISHED ? at : null)
                .returning(MATCHING_ROUND.ID)
                .fetchOne()
                .getId();
    }

    private static long roundOf(RoundStatus status) {
        return db.dsl()
                .select(MATCHING_ROUND.ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.HUB_ID.eq(hub))
                .and(MATCHING_ROUND.STATUS.eq(status))
                .fetchOne()
                .value1();
    }

    private static void inRound(long booking, long round) {
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.ROUND_ID, round)
                .where(BOOKING.ID.eq(booking))
                .execute();
    }

    private static void placement(long request, long offer, int pupils, long round) {
        db.dsl()
                .insertInto(BOOKING)
                .set(BOOKING.ROUND_ID, round)
                .set(BOOKING.REQUEST_ID, request)
                .set(BOOKING.OFFER_ID, offer)
                .set(BOOKING.ENCOUNTER_TYPE, "work_experience")
                .set(BOOKING.STARTS_ON, LocalDate.of(2026, 12, 7))
                .set(BOOKING.ENDS_ON, LocalDate.of(2026, 12, 11))
                .set(BOOKING.PERIOD, "all_day")
                .set(BOOKING.PUPILS, pupils)
                .set(BOOKING.STATUS, BookingStatus.PROPOSED)
                .execute();
    }
}
