package uk.encounters.marketplace.outbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where replies to a message go: the people who can answer them (a hub's coordinator, a school's
 * careers leaders). Messages are sent from an address nobody reads, so without these a reply is lost.
 */
public record ReplyAddresses(List<String> addresses) {

    /** Replies to more people than this are a mailing list, not an answer. */
    static final int MOST = 5;

    public static final ReplyAddresses NOBODY = new ReplyAddresses(List.of());

    // an address that needs no quoting in a header: a comma or bracket inside one would split or end it
    private static final Pattern PLAIN_ADDRESS =
            Pattern.compile("[^\\s\\p{Cntrl},;:<>()\"\\[\\]\\\\]+@[^\\s\\p{Cntrl},;:<>()\"\\[\\]\\\\]+");

    public ReplyAddresses {
        addresses = addresses.stream()
                .filter(a -> PLAIN_ADDRESS.matcher(a).matches())
                .limit(MOST)
                .toList();
    }

    /** The Reply-To header's value, when there is anyone to reply to. */
    public Optional<String> header() {
        return addresses.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", addresses));
    }
}
