package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShareBandTest {

    @Test
    void eachFifthOfTheScaleIsABandWithAHundredPercentInTheDarkest() {
        assertThat(ShareBand.of(0)).isEqualTo(ShareBand.UNDER_20);
        assertThat(ShareBand.of(19)).isEqualTo(ShareBand.UNDER_20);
        assertThat(ShareBand.of(20)).isEqualTo(ShareBand.UNDER_40);
        assertThat(ShareBand.of(59)).isEqualTo(ShareBand.UNDER_60);
        assertThat(ShareBand.of(79)).isEqualTo(ShareBand.UNDER_80);
        assertThat(ShareBand.of(80)).isEqualTo(ShareBand.AT_LEAST_80);
        assertThat(ShareBand.of(100)).isEqualTo(ShareBand.AT_LEAST_80);
        assertThat(ShareBand.of(100).cssClass()).isEqualTo("share-band-5");
    }

    @Test
    void aShareOutsideNoneToAllIsRefused() {
        assertThatThrownBy(() -> ShareBand.of(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShareBand.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
