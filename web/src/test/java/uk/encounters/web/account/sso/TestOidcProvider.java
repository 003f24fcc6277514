package uk.encounters.web.account.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real OpenID Connect provider on 127.0.0.1 for the tests, as Entra ID and Google behave in what
 * the app relies on: discovery, a JSON Web Key Set, an authorisation page where a person "signs in"
 * by typing their address, single-use codes bound to the client, redirect address and PKCE
 * challenge, and RS256-signed ID tokens carrying the nonce it was asked for. Tests tell it who may
 * sign in (and whether it verified their address), and may make the next token wrong in one way.
 */
public final class TestOidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "encounters-test-client";
    public static final String CLIENT_SECRET = "test-client-secret-not-for-production";

    /** Someone the provider knows. */
    public record Person(String subject, String email, boolean emailVerified) {}

    /** An authorisation given, waiting for its code to be exchanged (once). */
    private record Grant(Person person, String redirectUri, String nonce, String challenge) {}

    private final Vertx vertx = Vertx.vertx();
    private final RSAKey key;
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicReference<String> nextAudience = new AtomicReference<>();
    private final AtomicReference<String> nextNonce = new AtomicReference<>();
    private final AtomicReference<RSAKey> nextSigner = new AtomicReference<>();
    private HttpServer server;

    private TestOidcProvider() throws JOSEException {
        this.key = signingKey("provider-key");
    }

    public static TestOidcProvider start() {
        try {
            TestOidcProvider provider = new TestOidcProvider();
            Router router = Router.router(provider.vertx);
            router.route().handler(BodyHandler.create());
            router.get("/.well-known/openid-configuration").handler(provider::discovery);
            router.get("/jwks").handler(provider::keys);
            router.get("/authorize").handler(provider::authorisationPage);
            router.post("/authorize").handler(provider::authorise);
            router.post("/token").handler(provider::token);
            provider.server = provider.vertx
                    .createHttpServer()
                    .requestHandler(router)
                    .listen(0, "127.0.0.1")
                    .await();
            return provider;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its issuer, which the app is configured with. */
    public String issuer() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The app's environment naming this provider as {@code id}. */
    public Map<String, String> environment(String id) {
        String prefix = "SSO_" + id.toUpperCase(java.util.Locale.ROOT) + "_";
        return Map.of(
                "SSO_PROVIDERS",
                id,
                prefix + "ISSUER",
                issuer(),
                prefix + "CLIENT_ID",
                CLIENT_ID,
                prefix + "CLIENT_SECRET",
                CLIENT_SECRET,
                prefix + "LABEL",
                "Test Identity");
    }

    /** Someone who may sign in here. */
    public TestOidcProvider knows(Person person) {
        people.put(person.email(), person);
        return this;
    }

    /** The next ID token is for another client. */
    public void nextTokenFor(String audience) {
        nextAudience.set(audience);
    }

    /** The next ID token carries another sign-in's nonce. */
    public void nextTokenWithNonce(String nonce) {
        nextNonce.set(nonce);
    }

    /** The next ID token is signed with a key the provider never published. */
    public void nextTokenForged() {
        try {
            nextSigner.set(signingKey("provider-key"));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(RoutingContext ctx) {
        json(
                ctx,
                200,
                new JsonObject()
                        .put("issuer", issuer())
                        .put("authorization_endpoint", issuer() + "/authorize")
                        .put("token_endpoint", issuer() + "/token")
                        .put("jwks_uri", issuer() + "/jwks")
                        .put("response_types_supported", new JsonArray().add("code"))
                        .put("subject_types_supported", new JsonArray().add("public"))
                        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
                        .put("code_challenge_methods_supported", new JsonArray().add("S256"))
                        .put(
                                "scopes_supported",
                                new JsonArray().add("openid").add("email").add("profile")));
    }

    private void keys(RoutingContext ctx) {
        json(ctx, 200, new JsonObject(new JWKSet(key.toPublicJWK()).toJSONObject()));
    }

    /** Its sign-in page: the request's parameters carried in hidden fields, and the address to sign in as. */
    private void authorisationPage(RoutingContext ctx) {
        if (!CLIENT_ID.equals(ctx.request().getParam("client_id"))
                || !"code".equals(ctx.request().getParam("response_type"))) {
            ctx.response().setStatusCode(400).end("unknown client or response type");
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[] {"redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method"}) {
            String value = ctx.request().getParam(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(escape(value))
                        .append("\">");
            }
        }
        ctx.response()
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!DOCTYPE html><html lang=\"en\"><head><title>Test Identity</title></head><body><main>"
                        + "<h1>Sign in to Test Identity</h1><form method=\"post\" action=\"/authorize\">" + hidden
                        + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\">"
                        + "<button type=\"submit\">Sign in</button></form></main></body></html>");
    }

    /** The person signed in: back to the app with a code, as the provider does. */
    private void authorise(RoutingContext ctx) {
        Person person = people.get(ctx.request().getFormAttribute("email"));
        String redirectUri = ctx.request().getFormAttribute("redirect_uri");
        if (person == null || redirectUri == null) {
            ctx.response().setStatusCode(401).end("nobody by that address here");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        person,
                        redirectUri,
                        ctx.request().getFormAttribute("nonce"),
                        ctx.request().getFormAttribute("code_challenge")));
        String state = ctx.request().getFormAttribute("state");
        ctx.redirect(redirectUri + "?code=" + encode(code) + (state == null ? "" : "&state=" + encode(state)));
    }

    /** A code for tokens: once, by the client it was given to, at the same redirect address, with the PKCE verifier. */
    private void token(RoutingContext ctx) {
        String[] client = clientOf(ctx);
        if (client == null || !CLIENT_ID.equals(client[0]) || !CLIENT_SECRET.equals(client[1])) {
            json(ctx, 401, new JsonObject().put("error", "invalid_client"));
            return;
        }
        Grant grant = codes.remove(String.valueOf(ctx.request().getFormAttribute("code")));
        if (grant == null
                || !"authorization_code".equals(ctx.request().getFormAttribute("grant_type"))
                || !grant.redirectUri().equals(ctx.request().getFormAttribute("redirect_uri"))
                || (grant.challenge() != null
                        && !grant.challenge()
                                .equals(SsoRoutes.challenge(
                                        String.valueOf(ctx.request().getFormAttribute("code_verifier")))))) {
            json(ctx, 400, new JsonObject().put("error", "invalid_grant"));
            return;
        }
        try {
            Instant now = Instant.now();
            String audience = nextAudience.getAndSet(null);
            String nonce = nextNonce.getAndSet(null);
            RSAKey signer = nextSigner.getAndSet(null);
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject(grant.person().subject())
                    .audience(audience != null ? audience : CLIENT_ID)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", nonce != null ? nonce : grant.nonce())
                    .claim("email", grant.person().email())
                    .claim("email_verified", grant.person().emailVerified())
                    .claim("name", "Test Person")
                    .build();
            RSAKey signing = signer != null ? signer : key;
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signing.getKeyID())
                            .build(),
                    claims);
            token.sign(new RSASSASigner(signing));
            json(
                    ctx,
                    200,
                    new JsonObject()
                            .put("access_token", UUID.randomUUID().toString())
                            .put("token_type", "Bearer")
                            .put("expires_in", 300)
                            .put("scope", "openid email profile")
                            .put("id_token", token.serialize()));
        } catch (JOSEException e) {
            json(ctx, 500, new JsonObject().put("error", "server_error"));
        }
    }

    /** client_secret_basic, or client_secret_post. */
    private static String[] clientOf(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? null
                    : new String[] {
                        java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
                    };
        }
        String id = ctx.request().getFormAttribute("client_id");
        String secret = ctx.request().getFormAttribute("client_secret");
        return id == null ? null : new String[] {id, secret};
    }

    private static RSAKey signingKey(String id) throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyID(id)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
