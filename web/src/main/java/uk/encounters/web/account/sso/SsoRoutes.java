package uk.encounters.web.account.sso;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.account.SecretToken;
import uk.encounters.marketplace.account.SingleSignOn;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.SignInRoutes;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.RoleNavigation;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * Signing in with Microsoft Entra ID or Google Workspace (OpenID Connect, the authorisation code flow
 * with PKCE). The start stores a fresh state, nonce and code verifier in this browser's session; the
 * provider's answer is accepted once, in the same session, within ten minutes, and only with a
 * matching state, a verified ID token for our client whose nonce is this sign-in's, and an email
 * address the provider verified. A replayed answer finds nothing in the session and is refused.
 */
public final class SsoRoutes {

    private static final Logger log = LoggerFactory.getLogger(SsoRoutes.class);

    /** Where the sign-in in progress waits in the session: provider, state, nonce, code verifier, start. */
    static final String PENDING = "ssoPending";

    static final Duration PATIENCE = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final SsoSettings settings;
    private final String baseUrl;
    private final SingleSignOn singleSignOn;
    private final Blocking blocking;
    private final Templates templates;
    /** The wall clock, whatever clock the app runs on: the provider's tokens follow it. */
    private final Clock clock;
    /** Each provider's client, made from its discovery document on first use (the app starts without it). */
    private final Map<String, Future<OAuth2Auth>> clients = new ConcurrentHashMap<>();

    public SsoRoutes(
            Vertx vertx,
            SsoSettings settings,
            String baseUrl,
            SingleSignOn singleSignOn,
            Blocking blocking,
            Templates templates) {
        this.vertx = vertx;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.singleSignOn = singleSignOn;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = Clock.systemUTC();
    }

    /** Its routes (public: they are how people sign in), when any provider is configured. */
    public void mount(Routes routes) {
        if (!settings.any()) {
            return;
        }
        Routes anyone = routes.anyone();
        anyone.get("/sign-in/sso/:provider", this::startSignIn);
        anyone.get("/sign-in/sso/:provider/callback", this::finishSignIn);
    }

    public void startSignIn(RoutingContext ctx) {
        Optional<IdentityProvider> provider = settings.find(ctx.pathParam("provider"));
        if (provider.isEmpty()) {
            ctx.fail(404);
            return;
        }
        OAuth2Auth client;
        try {
            client = Future.await(client(provider.get()));
        } catch (RuntimeException e) {
            log.warn("Could not reach {} for single sign-on: {}", provider.get(), e.toString());
            clients.remove(provider.get().id());
            refuse(
                    ctx,
                    503,
                    provider.get().label() + " cannot be reached just now. Try again in a few minutes, or"
                            + " sign in another way.");
            return;
        }
        String state = SecretToken.generate();
        String nonce = SecretToken.generate();
        String verifier = SecretToken.generate();
        ctx.session()
                .put(
                        PENDING,
                        new JsonObject()
                                .put("provider", provider.get().id())
                                .put("state", state)
                                .put("nonce", nonce)
                                .put("verifier", verifier)
                                .put("startedAt", clock.millis())
                                .encode());
        String url = client.authorizeURL(new OAuth2AuthorizationURL()
                .setRedirectUri(callback(provider.get()))
                .setScopes(List.of("openid", "email", "profile"))
                .setState(state)
                .setCodeChallenge(challenge(verifier))
                .setCodeChallengeMethod("S256")
                .setPrompt("select_account")
                .putAdditionalParameter("nonce", nonce));
        ctx.redirect(url);
    }

    public void finishSignIn(RoutingContext ctx) {
        Optional<IdentityProvider> found = settings.find(ctx.pathParam("provider"));
        if (found.isEmpty()) {
            ctx.fail(404);
            return;
        }
        IdentityProvider provider = found.get();
        Session session = ctx.session();
        String pendingJson = session.remove(PENDING); // used once, whatever happens next
        String tryAgain = "Signing in with " + provider.label() + " did not finish. Start again below.";
        if (pendingJson == null) {
            refuse(ctx, 400, tryAgain);
            return;
        }
        JsonObject pending = new JsonObject(pendingJson);
        String state = ctx.request().getParam("state");
        if (!provider.id().equals(pending.getString("provider"))
                || state == null
                || !MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.UTF_8),
                        pending.getString("state").getBytes(StandardCharsets.UTF_8))
                || Instant.ofEpochMilli(pending.getLong("startedAt"))
                        .plus(PATIENCE)
                        .isBefore(clock.instant())) {
            refuse(ctx, 400, tryAgain);
            return;
        }
        String code = ctx.request().getParam("code");
        if (code == null || code.isBlank()) {
            // the person said no, or the provider refused: it says why in "error"
            refuse(ctx, 401, provider.label() + " did not sign you in. Start again below, or sign in another way.");
            return;
        }
        User user;
        try {
            user = Future.await(Future.await(client(provider))
                    .authenticate(new Oauth2Credentials()
                            .setFlow(OAuth2FlowType.AUTH_CODE)
                            .setCode(code)
                            .setRedirectUri(callback(provider))
                            .setCodeVerifier(pending.getString("verifier"))));
        } catch (RuntimeException e) {
            log.warn("{} refused the sign-in's code: {}", provider, e.toString());
            refuse(ctx, 401, provider.label() + " did not confirm who you are. Try again, or sign in another way.");
            return;
        }
        IdTokenCheck.Result checked = IdTokenCheck.check(
                user.attributes().getJsonObject("idToken"), provider, pending.getString("nonce"), clock.instant());
        if (checked.failure() != null) {
            refuse(ctx, 401, checked.failure());
            return;
        }
        SingleSignOn.Outcome outcome =
                blocking.call(() -> singleSignOn.signIn(checked.identity(), RateLimit.clientAddress(ctx)));
        if (outcome.account().isEmpty()) {
            refuse(
                    ctx,
                    403,
                    switch (outcome.refusal()) {
                        case NO_ACCOUNT ->
                            "Nobody with the email address "
                                    + checked.identity().email()
                                    + " has been invited yet. Ask your hub's coordinator (or your school's careers"
                                    + " leader) to invite you with that address.";
                        case DISABLED -> "Your account has been switched off. Ask your hub's coordinator.";
                    });
            return;
        }
        CurrentUser.signIn(ctx, outcome.account().get());
        ctx.redirect(RoleNavigation.home(outcome.account().get()));
    }

    /** The providers' buttons on the sign-in page. */
    public static List<SignInRoutes.ProviderLink> links(SsoSettings settings) {
        return settings.providers().stream()
                .map(p -> new SignInRoutes.ProviderLink(p.label(), "/sign-in/sso/" + p.id()))
                .toList();
    }

    private void refuse(RoutingContext ctx, int status, String failure) {
        templates.render(
                ctx,
                status,
                "account/sign-in",
                "Sign in",
                new SignInRoutes.SignInPage(failure, null, links(settings)),
                Form.blank());
    }

    private Future<OAuth2Auth> client(IdentityProvider provider) {
        return clients.computeIfAbsent(
                provider.id(),
                id -> OpenIDConnectAuth.discover(
                        vertx,
                        new OAuth2Options()
                                .setClientId(provider.clientId())
                                .setClientSecret(provider.clientSecret())
                                .setSite(provider.issuer())));
    }

    private String callback(IdentityProvider provider) {
        return baseUrl + "/sign-in/sso/" + provider.id() + "/callback";
    }

    /** PKCE S256 (RFC 7636): the verifier's SHA-256, base64url without padding. */
    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
