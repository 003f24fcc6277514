package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.placement.PlacementParty;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.account.Links;

class DemoPlacementsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Clock NOVEMBER = Clock.fixed(
            LocalDate.of(2026, 11, 23)
                    .atTime(9, 0)
                    .atZone(ZoneId.of("Europe/London"))
                    .toInstant(),
            ZoneId.of("Europe/London"));

    @Test
    void theDemoEmployerHostsAJuneWeekForThreeYear10PupilsOfTheDemoSchoolWaitingForItsPaperwork() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        long small = data.school(hub, "Small School");
        data.pupil(small, 10);
        long large = data.school(hub, "Littleover Community School");
        for (int i = 0; i < 4; i++) {
            data.pupil(large, 10);
        }
        data.pupil(large, 9);
        long host = data.employer(hub, "Rolls Royce");

        long booking = DemoPlacements.add(db.database(), new Links("https://encounters.example"), NOVEMBER)
                .orElseThrow();

        assertThat(db.dsl().fetchValue(BOOKING.STARTS_ON, BOOKING.ID.eq(booking)))
                .isEqualTo(LocalDate.of(2027, 6, 21));
        assertThat(db.dsl()
                        .fetchValue(
                                OFFER.EMPLOYER_ID,
                                OFFER.ID.eq(db.dsl().fetchValue(BOOKING.OFFER_ID, BOOKING.ID.eq(booking)))))
                .isEqualTo(host);
        List<PlacementLine> placements = new PlacementRepository(db.dsl(), NOVEMBER).forSchool(large);
        assertThat(placements).hasSize(DemoPlacements.PUPILS).allSatisfy(line -> {
            assertThat(line.placement().employerId()).isEqualTo(host);
            assertThat(line.placement().yearGroup()).isEqualTo(10);
            assertThat(line.readiness().nextStep().next()).isEqualTo(PlacementParty.HOST);
        });
        assertThat(new PlacementRepository(db.dsl(), NOVEMBER).forSchool(small)).isEmpty();
    }
}
