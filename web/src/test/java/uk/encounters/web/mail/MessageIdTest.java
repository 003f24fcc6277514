package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void theSameKeyAlwaysGivesTheSameMessageId() {
        assertThat(MessageId.forKey("booking-confirmed:42", "encounters.example"))
                .isEqualTo(MessageId.forKey("booking-confirmed:42", "encounters.example"));
    }

    @Test
    void differentKeysGiveDifferentMessageIds() {
        assertThat(MessageId.forKey("booking-confirmed:42", "encounters.example"))
                .isNotEqualTo(MessageId.forKey("booking-confirmed:43", "encounters.example"));
    }

    @Test
    void messageIdIsAnAngleBracketedAddressOnTheAppsHostWhateverTheKeyHolds() {
        assertThat(MessageId.forKey("odd key <with> spaces@and\"quotes\"", "encounters.derby.example")
                        .value())
                .matches("<[0-9a-f]{40}@encounters\\.derby\\.example>");
    }

    @Test
    void withoutAHostTheIdIsStillWellFormed() {
        assertThat(MessageId.forKey("k", null).value()).matches("<[0-9a-f]{40}@localhost>");
    }
}
