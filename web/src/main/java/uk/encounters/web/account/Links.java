package uk.encounters.web.account;

import java.util.List;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.placement.PlacementPages;
import uk.encounters.marketplace.round.DigestLinks;

/**
 * The emails that carry sign-in, invitation, password and offer links, and the app's public
 * address. A message holds a slot for its link, filled with a fresh secret when it is sent. Also
 * where a round's digests, written in the marketplace, point ({@link DigestLinks}).
 */
public final class Links implements AccountMail, DigestLinks, PlacementPages {

    /** Where a booking's pupils answer its three questions: this, the booking's id, then the link's secret. */
    public static final String PUPIL_FEEDBACK_PATH = "/feedback/";

    /** The first-time volunteer's guide, a public page. */
    public static final String VOLUNTEER_GUIDE = "/volunteering/first-time";

    private final String baseUrl;
    private final String sender;

    /** Links of an app that sends from no-reply at its own host. */
    public Links(String baseUrl) {
        this(baseUrl, "no-reply@" + java.net.URI.create(baseUrl).getHost());
    }

    /** @param sender the address the app sends from, bare ({@code no-reply@example.org}) */
    public Links(String baseUrl, String sender) {
        this.baseUrl = baseUrl;
        this.sender = sender;
    }

    /** Where an emailed link leads, once its secret is made. */
    public String url(LoginTokenRepository.MintedLink link) {
        return switch (link.purpose()) {
            case MAGIC_LINK -> baseUrl + "/sign-in/link/" + link.token();
            case PASSWORD_RESET -> baseUrl + "/password-reset/" + link.token();
            case INVITATION -> baseUrl + "/invitation/" + link.token();
            // Confirms the offer and signs the person in.
            case OFFER_CONFIRMATION -> baseUrl + "/offers/" + link.subjectId() + "/confirm/" + link.token();
            case BOOKING_REPLY -> baseUrl + "/bookings/" + link.subjectId() + "/reply/" + link.token();
            case ORGANISATION_INVITATION ->
                baseUrl + "/organisations/" + link.subjectId() + "/invitation/" + link.token();
            case PLACEMENT_AGREEMENT -> baseUrl + "/placements/" + link.subjectId() + "/agreement/" + link.token();
            case PLACEMENT_PUPIL -> baseUrl + "/placements/" + link.subjectId() + "/pupil/" + link.token();
            case PLACEMENT_HOST -> baseUrl + "/placements/" + link.subjectId() + "/host/" + link.token();
            case CONTACT_PREFERENCES ->
                baseUrl + "/organisations/" + link.subjectId() + "/contact-preferences/" + link.token();
            case SCHOOL_FEEDBACK -> baseUrl + "/bookings/" + link.subjectId() + "/feedback/school/" + link.token();
            case EMPLOYER_FEEDBACK -> baseUrl + "/bookings/" + link.subjectId() + "/feedback/employer/" + link.token();
            // short, for pupils typing it from a classroom's screen; the path is the pupil's cookie's too
            case PUPIL_FEEDBACK -> baseUrl + PUPIL_FEEDBACK_PATH + link.subjectId() + "/" + link.token();
        };
    }

    /** A link handed over at once (printed by a command), not emailed. */
    public String url(LoginTokenRepository.Purpose purpose, String token) {
        return url(new LoginTokenRepository.MintedLink(purpose, null, token));
    }

    /** The secret address a calendar app subscribes to. */
    public String calendarFeedUrl(String token) {
        return baseUrl + "/calendar/" + token + ".ics";
    }

    @Override
    public String schoolBookings(long schoolId) {
        return baseUrl + "/schools/" + schoolId + "/bookings";
    }

    @Override
    public String schoolEvents(long schoolId) {
        return baseUrl + "/schools/" + schoolId + "/events";
    }

    @Override
    public String placement(long schoolId, long placementId) {
        return baseUrl + "/schools/" + schoolId + "/placements/" + placementId;
    }

    @Override
    public String hubPlacements(long hubId) {
        return baseUrl + "/hubs/" + hubId + "/placements";
    }

    @Override
    public String offerForm(String postcode, long hubId) {
        return baseUrl + "/offer-a-talk?near="
                + java.net.URLEncoder.encode(postcode, java.nio.charset.StandardCharsets.UTF_8) + "&area=" + hubId
                + "#your-offer";
    }

    @Override
    public String paperwork(long employerId) {
        return baseUrl + "/employers/" + employerId + "/placement-paperwork";
    }

    @Override
    public String volunteerGuide() {
        return baseUrl + VOLUNTEER_GUIDE;
    }

    @Override
    public String organiser() {
        return sender;
    }

    /** The app's host, which makes calendar event ids unique in the world. */
    @Override
    public String host() {
        return java.net.URI.create(baseUrl).getHost();
    }

    @Override
    public OutboxMessage invitation(String email, String name, String invitedTo, long linkId) {
        return message(linkId, email, "You are invited to Employer Encounters", """
                Hello %s,

                You have been invited to use Employer Encounters as %s.
                Choose your password to start:

                %s

                The link works once and for 24 hours.
                """.formatted(
                        name, invitedTo, LinkSlots.slot(linkId)));
    }

    @Override
    public OutboxMessage passwordReset(String email, long linkId) {
        return message(linkId, email, "Reset your Employer Encounters password", """
                Someone (we hope you) asked to reset the password for this email address.
                Choose a new password here:

                %s

                The link works once and for 24 hours. If you did not ask, ignore this email:
                your password stays as it is.
                """.formatted(LinkSlots.slot(linkId)));
    }

    @Override
    public OutboxMessage magicLink(String email, long linkId) {
        return message(linkId, email, "Your Employer Encounters sign-in link", """
                Use this link to sign in to Employer Encounters, no password needed:

                %s

                The link works once and for 24 hours. If you did not ask for it, ignore this email.
                """.formatted(LinkSlots.slot(linkId)));
    }

    @Override
    public OutboxMessage organisationInvitation(
            String email, String name, String hubName, List<OrganisationToAccept> organisations) {
        StringBuilder each = new StringBuilder();
        for (OrganisationToAccept organisation : organisations) {
            each.append("- ")
                    .append(organisation.name())
                    .append("\n  To accept it: ")
                    .append(LinkSlots.slot(organisation.linkId()))
                    .append("\n\n");
        }
        String body =
                """
                Hello %s,

                The enterprise coordinator of %s has added a contact list to Employer Encounters, the service
                local schools use to arrange careers talks and workplace visits. It names you, at this email
                address, as the contact for:

                %s\
                You already have an account with us, and nothing has been added to it. Accepting an organisation
                adds it to your account: when you next sign in as usual, you will see its offers and its bookings
                with local schools, and can offer talks and visits for it. Each link opens a page with a button
                to accept or decline.

                If this is not you, or you do not look after these organisations, you can ignore this email:
                nothing changes. Each link works once, for %d days.
                """.formatted(name, hubName, each, LoginTokenRepository.ORGANISATION_INVITATION_LIFETIME.toDays());
        long first = organisations.getFirst().linkId();
        return new OutboxMessage(
                "account:organisation-invitation:" + first,
                "account",
                email,
                "Would you like to manage "
                        + (organisations.size() == 1 ? organisations.getFirst().name() : "these organisations")
                        + " on Employer Encounters?",
                body,
                null,
                List.of(),
                organisations.stream().map(OrganisationToAccept::linkId).toList());
    }

    /**
     * To an address nobody has confirmed yet, so it carries nothing the form's sender wrote: anyone
     * can type anyone's address into the public form.
     */
    public OutboxMessage offerConfirmation(String email, long linkId) {
        return message(linkId, email, "Confirm your offer to local schools", """
                Hello,

                Someone (we hope you) offered to give local pupils a talk or visit through Employer Encounters,
                using this email address. Confirm the offer here and it goes to the enterprise coordinator
                for the next matching round:

                %s

                The link works once and for 24 hours. If you did not offer, ignore this email and nothing
                more will happen. You will be asked rarely and clearly: at most as often as you tell us,
                with everything in one message. No password is needed, now or later.
                """.formatted(LinkSlots.slot(linkId)));
    }

    private static OutboxMessage message(long linkId, String email, String subject, String body) {
        // One message per link.
        return new OutboxMessage(
                "account:link:" + linkId, "account", email, subject, body, null, List.of(), List.of(linkId));
    }
}
