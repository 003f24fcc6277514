package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    @Test
    void theClientIsTheLastAddressTheProxyAppendedNotTheFirstTheClientSent() {
        assertThat(ForwardedFor.lastAddress(List.of("203.0.113.9"))).hasValue("203.0.113.9");
        assertThat(ForwardedFor.lastAddress(List.of("198.51.100.1, 203.0.113.9")))
                .hasValue("203.0.113.9");
        assertThat(ForwardedFor.lastAddress(List.of("198.51.100.1", "2001:db8::7")))
                .hasValue("2001:db8::7");
    }

    @Test
    void noHeaderOrALastEntryThatIsNoAddressLeavesThePeerAddress() {
        assertThat(ForwardedFor.lastAddress(List.of())).isEmpty();
        assertThat(ForwardedFor.lastAddress(List.of("203.0.113.9, "))).isEmpty();
        assertThat(ForwardedFor.lastAddress(List.of("<script>"))).isEmpty();
        assertThat(ForwardedFor.lastAddress(List.of("1".repeat(46)))).isEmpty();
    }
}
