package uk.encounters.web.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void theSameKeyAlwaysGivesTheSameMessageId() {
        assertThat(MessageId.forKey("booking-confirmed:42")).isEqualTo(MessageId.forKey("booking-confirmed:42"));
    }

    @Test
    void differentKeysGiveDifferentMessageIds() {
        assertThat(MessageId.forKey("booking-confirmed:42")).isNotEqualTo(MessageId.forKey("booking-confirmed:43"));
    }

    @Test
    void messageIdIsAnAngleBracketedAddressWhateverTheKeyHolds() {
        assertThat(MessageId.forKey("odd key <with> spaces@and\"quotes\"").value())
                .matches("<[0-9a-f]{40}@encounters>");
    }
}
