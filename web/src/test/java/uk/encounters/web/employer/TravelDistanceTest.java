package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TravelDistanceTest {

    @Test
    void milesAreStoredInWholeKilometres() {
        assertThat(new TravelDistance(10, TravelDistance.MILES).km()).isEqualTo(16);
        assertThat(new TravelDistance(6, TravelDistance.MILES).km()).isEqualTo(10);
        assertThat(new TravelDistance(62, TravelDistance.MILES).km()).isEqualTo(100);
        assertThat(new TravelDistance(10, TravelDistance.KM).km()).isEqualTo(10);
    }

    @Test
    void aStoredDistanceShowsInMilesWhenSavingItAgainChangesNothing() {
        assertThat(TravelDistance.shown(16)).isEqualTo(new TravelDistance(10, TravelDistance.MILES));
        assertThat(TravelDistance.shown(10)).isEqualTo(new TravelDistance(6, TravelDistance.MILES));
        assertThat(TravelDistance.shown(15))
                .as("9 miles is 14 km, 10 miles 16 km")
                .isEqualTo(new TravelDistance(15, TravelDistance.KM));
    }

    @Test
    void theMostThatMayBeTypedIsAHundredKilometresInEitherUnit() {
        assertThat(TravelDistance.max(TravelDistance.MILES)).isEqualTo(62);
        assertThat(TravelDistance.max(TravelDistance.KM)).isEqualTo(100);
    }

    @Test
    void saysBoth() {
        assertThat(new TravelDistance(6, TravelDistance.MILES).words()).isEqualTo("6 miles (10 km)");
        assertThat(new TravelDistance(1, TravelDistance.MILES).words()).isEqualTo("1 mile (2 km)");
        assertThat(new TravelDistance(15, TravelDistance.KM).words()).isEqualTo("15 km");
    }
}
