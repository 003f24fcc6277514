package uk.encounters.web.employer;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.employer.ContactPreferences;
import uk.encounters.marketplace.employer.ContactPreferences.Asking;
import uk.encounters.marketplace.employer.ContactPreferences.Pause;
import uk.encounters.marketplace.employer.ContactPreferences.Preference;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * An organisation's contact preferences, opened by the link at the foot of each request the hub
 * sends it (and its List-Unsubscribe header): no account needed, for that organisation only. A mail
 * app's one-click unsubscribe (RFC 8058) posts {@code List-Unsubscribe=One-Click} here and stops the
 * requests at once; a person on the page pauses them, stops them or asks for them again.
 */
public final class ContactPreferencesRoutes {

    /** What the one-click POST of a mail app carries, and nothing else (RFC 8058). */
    static final String ONE_CLICK_FIELD = "List-Unsubscribe";

    static final String ONE_CLICK_VALUE = "One-Click";

    /** One choice on the page. */
    public record Option(String value, String label, String hint, boolean checked) {}

    /**
     * @param saved what was just changed, or null before any change
     */
    public record PreferencesPage(
            Preference preference, String action, List<Option> asking, List<Option> pauses, String saved) {}

    private final ContactPreferences preferences;
    private final Blocking blocking;
    private final Templates templates;

    public ContactPreferencesRoutes(ContactPreferences preferences, Blocking blocking, Templates templates) {
        this.preferences = preferences;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (public: the link's secret stands for the organisation). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/organisations/:employerId/contact-preferences/:token", this::showPreferences);
        anyone.post("/organisations/:employerId/contact-preferences/:token", this::processPreferences);
    }

    /**
     * A mail app's one-click unsubscribe: it comes without our form's CSRF token, which it cannot have, and
     * needs none, because the secret in its address is what admits it and it can only stop messages.
     */
    public static boolean isOneClick(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST
                && ctx.request().path().matches("/organisations/\\d{1,18}/contact-preferences/[A-Za-z0-9_-]{1,64}")
                && ONE_CLICK_VALUE.equals(ctx.request().getFormAttribute(ONE_CLICK_FIELD));
    }

    public void showPreferences(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        String token = ctx.pathParam("token");
        Optional<Preference> preference = blocking.call(() -> preferences.byLink(token, employerId));
        if (preference.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        show(ctx, 200, preference.get(), Form.blank(), null);
    }

    public void processPreferences(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        String token = ctx.pathParam("token");
        Actor actor = Actor.anonymous(RateLimit.clientAddress(ctx));
        if (isOneClick(ctx)) {
            Optional<Preference> stopped = blocking.call(() -> preferences.stopByLink(actor, token, employerId));
            // the mail app reads the status only; a person who ends up here reads the words
            ctx.response()
                    .setStatusCode(stopped.isPresent() ? 200 : 410)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(stopped.isPresent() ? stopped.get().summary() + "\n" : "This link has expired.\n");
            return;
        }
        Form form = Form.of(ctx);
        String askingValue = form.choice("asking", "whether the hub may ask you", values(Asking.values()));
        Asking asking = form.hasErrors() ? null : Asking.valueOf(askingValue.toUpperCase(Locale.ROOT));
        Pause pause = null;
        if (asking == Asking.PAUSED) {
            String pauseValue = form.choice("pause", "how long to pause for", values(Pause.values()));
            pause = form.hasErrors() ? null : Pause.valueOf(pauseValue.toUpperCase(Locale.ROOT));
        }
        if (form.hasErrors()) {
            Optional<Preference> preference = blocking.call(() -> preferences.byLink(token, employerId));
            if (preference.isEmpty()) {
                templates.linkExpired(ctx);
                return;
            }
            show(ctx, 422, preference.get(), form, null);
            return;
        }
        Pause chosenPause = pause;
        Optional<Preference> changed =
                blocking.call(() -> preferences.chooseByLink(actor, token, employerId, asking, chosenPause));
        if (changed.isEmpty()) {
            templates.linkExpired(ctx);
            return;
        }
        // the form as sent, so the pause chosen stays chosen
        show(ctx, 200, changed.get(), form, changed.get().summary());
    }

    private void show(RoutingContext ctx, int status, Preference preference, Form form, String saved) {
        String chosenPause = form.value("pause");
        List<Option> asking = List.of(
                new Option(
                        "as_usual",
                        "Send me requests from schools",
                        "At most one email a week, only when a school near you needs what you offer.",
                        preference.asking() == Asking.AS_USUAL),
                new Option(
                        "paused",
                        "Pause requests for a while",
                        "Sessions you have already agreed still go ahead.",
                        preference.asking() == Asking.PAUSED),
                new Option(
                        "stopped",
                        "Stop requests",
                        "Sessions you have already agreed still go ahead. You can start again here at any time.",
                        preference.asking() == Asking.STOPPED));
        List<Option> pauses = List.of(
                new Option("one_month", "For a month", null, "one_month".equals(chosenPause)),
                new Option(
                        "three_months",
                        "For three months",
                        null,
                        chosenPause == null || "three_months".equals(chosenPause)),
                new Option("six_months", "For six months", null, "six_months".equals(chosenPause)));
        String action = "/organisations/" + preference.employerId() + "/contact-preferences/" + ctx.pathParam("token");
        templates.render(
                ctx,
                status,
                "employer/contact-preferences",
                "Requests from schools",
                new PreferencesPage(preference, action, asking, pauses, saved),
                form);
    }

    private static List<String> values(Enum<?>[] constants) {
        return Arrays.stream(constants)
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
