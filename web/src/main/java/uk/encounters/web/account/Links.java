package uk.encounters.web.account;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import uk.encounters.marketplace.account.IssuedToken;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.outbox.OutboxMessage;

/** The emails that carry sign-in, invitation and password links, with the app's public address. */
public final class Links {

    private final String baseUrl;

    public Links(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String url(LoginTokens.Purpose purpose, String token) {
        return baseUrl + path(purpose) + token;
    }

    /** The secret address a calendar app subscribes to. */
    public String calendarFeedUrl(String token) {
        return baseUrl + "/calendar/" + token + ".ics";
    }

    /** The app's host, which makes calendar event ids unique in the world. */
    public String host() {
        return java.net.URI.create(baseUrl).getHost();
    }

    static String path(LoginTokens.Purpose purpose) {
        return switch (purpose) {
            case MAGIC_LINK -> "/sign-in/link/";
            case PASSWORD_RESET -> "/password-reset/";
            case INVITATION -> "/invitation/";
        };
    }

    public OutboxMessage invitation(String email, String name, String invitedTo, IssuedToken token) {
        return message(token, email, "You are invited to Employer Encounters", """
                Hello %s,

                You have been invited to use Employer Encounters as %s.
                Choose your password to start:

                %s

                The link works once and for 24 hours.
                """.formatted(name, invitedTo, url(LoginTokens.Purpose.INVITATION, token.token())));
    }

    public OutboxMessage passwordReset(String email, IssuedToken token) {
        return message(token, email, "Reset your Employer Encounters password", """
                Someone (we hope you) asked to reset the password for this email address.
                Choose a new password here:

                %s

                The link works once and for 24 hours. If you did not ask, ignore this email:
                your password stays as it is.
                """.formatted(url(LoginTokens.Purpose.PASSWORD_RESET, token.token())));
    }

    public OutboxMessage magicLink(String email, IssuedToken token) {
        return message(token, email, "Your Employer Encounters sign-in link", """
                Use this link to sign in to Employer Encounters, no password needed:

                %s

                The link works once and for 24 hours. If you did not ask for it, ignore this email.
                """.formatted(url(LoginTokens.Purpose.MAGIC_LINK, token.token())));
    }

    /** Where an employer confirms a new offer: signs them in and puts the offer live. */
    public String offerConfirmationUrl(long offerId, String token) {
        return baseUrl + "/offers/" + offerId + "/confirm/" + token;
    }

    public OutboxMessage offerConfirmation(String email, String name, long offerId, IssuedToken token) {
        return message(token, email, "Confirm your offer to local schools", """
                Hello %s,

                Thank you for offering your time to local pupils. Confirm your offer here and it goes live
                for the enterprise coordinator's next matching round:

                %s

                The link works once and for 24 hours. You will be asked rarely and clearly: at most as often
                as you tell us, with everything in one message. No password is needed, now or later.
                """.formatted(name, offerConfirmationUrl(offerId, token.token())));
    }

    private static OutboxMessage message(IssuedToken token, String email, String subject, String body) {
        // One message per token; the key is derived from the token without holding it.
        String key = "account:" + UUID.nameUUIDFromBytes(token.token().getBytes(StandardCharsets.UTF_8));
        return new OutboxMessage(key, "account", email, subject, body, null);
    }
}
