package uk.encounters.marketplace.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a message's secret links go. The outbox keeps a message with a slot naming the link
 * ({@code login_token} id) in place of each live link; the worker sending it fills each slot with
 * a fresh secret, so neither the outbox, a backup, nor the administrator's view holds a link that
 * works. Only the links the message lists are filled: a slot typed into a name fills with nothing.
 */
public final class LinkSlots {

    private static final Pattern SLOT = Pattern.compile("\\{link:(\\d{1,18})}");
    static final String REDACTED = "[link, made when the message is sent]";

    private LinkSlots() {}

    /** The slot for link {@code tokenId}, to put in a message body. */
    public static String slot(long tokenId) {
        return "{link:" + tokenId + "}";
    }

    /** Whether the text is one link's slot and nothing else. */
    public static boolean isSlot(String text) {
        return SLOT.matcher(text).matches();
    }

    /** The text with each slot filled: the URL of a listed link, or {@code unusable} for the rest. */
    public static String fill(String text, Map<Long, String> urls, String unusable) {
        if (text == null) {
            return null;
        }
        Matcher m = SLOT.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String url = urls.get(Long.parseLong(m.group(1)));
            m.appendReplacement(filled, Matcher.quoteReplacement(url == null ? unusable : url));
        }
        return m.appendTail(filled).toString();
    }

    /** The text as anyone reading the outbox sees it. */
    public static String redacted(String text) {
        return text == null ? null : SLOT.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
    }

    /** Fills each listed link's slot with {@code urlOf}'s answer (empty answer: the link cannot be used). */
    public static OutboxMessage filled(OutboxMessage message, LongFunction<Optional<String>> urlOf) {
        Map<Long, String> urls = new HashMap<>();
        for (long id : message.linkTokenIds()) {
            urlOf.apply(id).ifPresent(url -> urls.put(id, url));
        }
        String unusable = "(this link has been used or has expired: ask for a new one)";
        OutboxMessage filled =
                message.withBodies(fill(message.bodyText(), urls, unusable), fill(message.bodyHtml(), urls, unusable));
        if (message.listUnsubscribe() == null) {
            return filled;
        }
        // no header at all rather than one that leads nowhere
        String url = fill(message.listUnsubscribe(), urls, "");
        return filled.withListUnsubscribe(url.isEmpty() ? null : url);
    }
}
