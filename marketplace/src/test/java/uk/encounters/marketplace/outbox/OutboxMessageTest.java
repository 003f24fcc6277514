package uk.encounters.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    @Test
    void rejectsALineBreakInTheSubject() {
        assertThatThrownBy(() ->
                        new OutboxMessage("k", "kind", "a@example.org", "Hello\r\nBcc: x@example.org", "body", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void rejectsALineBreakInTheRecipient() {
        assertThatThrownBy(() -> new OutboxMessage("k", "kind", "a@example.org\nb@example.org", "Hello", "body", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient");
    }

    @Test
    void rejectsAnIdempotencyKeyLongerThanTheColumn() {
        assertThatThrownBy(() -> new OutboxMessage("k".repeat(201), "kind", "a@example.org", "Hello", "body", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey");
    }

    @Test
    void rejectsAMissingBody() {
        assertThatThrownBy(() -> new OutboxMessage("k", "kind", "a@example.org", "Hello", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bodyText");
    }
}
