package uk.encounters.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.SingleSignOn;
import uk.encounters.marketplace.feedback.FeedbackRequests;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.placement.PlacementDocument;
import uk.encounters.marketplace.placement.PlacementReminders;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.marketplace.pupil.WondePull;
import uk.encounters.marketplace.ratelimit.RateLimitRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.web.account.AccountFeature;
import uk.encounters.web.account.ExpiredForms;
import uk.encounters.web.account.Links;
import uk.encounters.web.account.sso.SsoRoutes;
import uk.encounters.web.admin.AdminFeature;
import uk.encounters.web.directory.DirectoryFeature;
import uk.encounters.web.employer.ContactPreferencesRoutes;
import uk.encounters.web.employer.EmployerFeature;
import uk.encounters.web.employer.HubChoices;
import uk.encounters.web.feedback.FeedbackFeature;
import uk.encounters.web.form.FormInput;
import uk.encounters.web.form.UploadForm;
import uk.encounters.web.health.HealthRoutes;
import uk.encounters.web.home.HomeRoutes;
import uk.encounters.web.hub.HubFeature;
import uk.encounters.web.mail.MessageLinks;
import uk.encounters.web.mail.OutboxWorker;
import uk.encounters.web.observe.AccessLog;
import uk.encounters.web.observe.AppMetrics;
import uk.encounters.web.observe.OutboxBacklogMetrics;
import uk.encounters.web.observe.RequestId;
import uk.encounters.web.observe.SolveMetrics;
import uk.encounters.web.page.ErrorPages;
import uk.encounters.web.page.Templates;
import uk.encounters.web.report.ReportFeature;
import uk.encounters.web.school.PupilReferenceKey;
import uk.encounters.web.school.SchoolFeature;
import uk.encounters.web.security.Access;
import uk.encounters.web.security.CsrfCheck;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.ForwardedFor;
import uk.encounters.web.security.NormalisedPath;
import uk.encounters.web.security.PostgresSessionStore;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;
import uk.encounters.web.security.SecurityHeaders;
import uk.encounters.web.wonde.WondePulls;

/**
 * The HTTP server. Deploy it with {@code ThreadingModel.VIRTUAL_THREAD}: handlers are plain
 * sequential code, and every database call goes through {@link Blocking}, never the event loop.
 */
public final class WebServer extends VerticleBase {

    public static final String PRODUCT_NAME = "Employer Encounters";
    /** Forms are small; anything bigger is refused with a 413 page before it is read. */
    static final long BODY_LIMIT_BYTES = 64 * 1024;
    /** A CSV of a cornerstone employer's volunteers or offers, or a hub's employer bank: thousands of rows at most. */
    public static final long UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

    /**
     * The national register of schools is tens of megabytes (DfE's file of every establishment);
     * only administrators may send it, and only once their access is checked.
     */
    public static final long REGISTER_UPLOAD_LIMIT_BYTES = 128L * 1024 * 1024;

    /**
     * An organisation's placement paperwork: three files of {@link PlacementDocument#MAX_BYTES} at most
     * (certificate, risk assessment, policy) and the form's fields, which a megabyte more holds.
     */
    public static final long PAPERWORK_UPLOAD_LIMIT_BYTES = 3L * PlacementDocument.MAX_BYTES + 1024 * 1024;

    private static final Pattern PAPERWORK_PATH =
            Pattern.compile("/employers/\\d+/placement-paperwork|/placements/\\d+/host/[A-Za-z0-9_-]{1,64}");
    private static final Pattern IMPORT_PATH = Pattern.compile("/((employers|schools|hubs)/\\d+|admin)/import/[a-z-]+");
    /** The Compass+ export reads the school's MIS export for its UPNs: an upload that answers with a download. */
    private static final Pattern EVIDENCE_UPLOAD_PATH = Pattern.compile("/schools/\\d+/evidence/compass-plus\\.csv");

    static final Duration SESSION_TIMEOUT = Duration.ofHours(8);
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Database database;
    private final Clock clock;
    private final WebConfig config;
    private final AppMetrics metrics;
    private HttpServer server;
    private HttpServer metricsServer;
    private Router router;
    /** Solves rounds in the background; stops with the server. */
    private RoundSolver roundSolver;

    private Housekeeping housekeeping;

    /** @param metrics the registry the Vert.x running this verticle reports to ({@link AppMetrics#vertx}) */
    public WebServer(Database database, Clock clock, WebConfig config, AppMetrics metrics) {
        this.database = database;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        Blocking blocking = new Blocking(vertx);
        PostgresSessionStore sessions = new PostgresSessionStore(vertx, database);
        SessionHandler sessionHandler = sessionHandler(sessions);
        Templates templates = new Templates(PRODUCT_NAME, sessionHandler, blocking);
        Links links = new Links(config.baseUrl(), config.mail().fromAddress());
        HubRepository hubs = new HubRepository(database.dsl());
        Foundation app = foundation(blocking, templates, links, hubs);
        SecondFactorGate secondFactorGate = new SecondFactorGate(config.secondFactorRoles());
        roundSolver =
                new RoundSolver(database, clock, new SolveMetrics(metrics.registry()), config.maxConcurrentSolves());
        CsrfCheck csrf = new CsrfCheck(vertx, csrfSecret(), config.https(), SESSION_TIMEOUT);
        UploadForm uploads = new UploadForm(path -> path.startsWith("/admin/")
                ? REGISTER_UPLOAD_LIMIT_BYTES
                : PAPERWORK_PATH.matcher(path).matches() ? PAPERWORK_UPLOAD_LIMIT_BYTES : UPLOAD_LIMIT_BYTES);

        router = Router.router(vertx);
        Routes routes = new Routes(
                router,
                hubLookup(hubs),
                blocking,
                List.of(uploads::handle, FormInput::refuseNulCharacters, csrf::check));
        if (config.trustProxy()) {
            router.route().handler(ForwardedFor::take);
        }
        router.route().handler(new RequestId(config.trustProxy())::assign);
        router.route().handler(new AccessLog()::begin);
        router.route().handler(new SecurityHeaders(config.https())::add);
        router.route().handler(NormalisedPath::require);
        // Probes and assets first: they need no session.
        new HealthRoutes(database::isReady, blocking).mount(routes);
        routes.anyone().get("/static/*", StaticHandler.create("webroot").setMaxAgeSeconds(3600));
        readBodies();
        checkWhoIsAsking(sessionHandler, csrf, blocking, secondFactorGate);

        new HomeRoutes(hubs, blocking, templates, clock).mount(routes);
        ExpiredForms expiredForms = AccountFeature.mount(app, secondFactorGate, csrf, routes);
        new SsoRoutes(vertx, config.sso(), config.baseUrl(), new SingleSignOn(database.dsl()), blocking, templates)
                .mount(routes);
        AdminFeature.mount(app, routes);
        EmployerFeature.mount(app, routes);
        SchoolFeature.mount(app, routes);
        HubFeature.mount(app, roundSolver, PRODUCT_NAME, routes);
        DirectoryFeature.mount(app, routes);
        ReportFeature.mount(app, PRODUCT_NAME, routes);
        FeedbackFeature.mount(app, routes);
        ErrorPages errors = new ErrorPages(templates);
        // named, so the metrics label every request no route took with one route, not ""
        router.route().last().setName(AccessLog.UNMATCHED).handler(errors::notFound);
        router.route().failureHandler(RequestId.carried(expiredForms::show));
        router.route().failureHandler(RequestId.carried(errors::showFailure));

        housekeeping = new Housekeeping(
                vertx,
                database,
                clock,
                roundSolver,
                sessions,
                new OutboxBacklogMetrics(new Outbox(database.dsl()), metrics.registry()),
                new PlacementReminders(database.dsl(), links, PRODUCT_NAME, clock),
                new FeedbackRequests(database.dsl(), PRODUCT_NAME, clock),
                app.wondePulls());
        housekeeping.start();
        // The outbox worker is a child verticle: it stops with the server.
        return vertx.deployVerticle(new OutboxWorker(
                        new Outbox(database.dsl()), config.mail(), new MessageLinks(database.dsl(), links, clock)))
                .compose(id -> vertx.createHttpServer(serverOptions())
                        .requestHandler(router)
                        .listen(config.port()))
                .onSuccess(s -> server = s)
                .compose(s -> serveMetrics());
    }

    private Foundation foundation(Blocking blocking, Templates templates, Links links, HubRepository hubs) {
        PupilReferences pupilReferences = PupilReferenceKey.of(config, database.dsl());
        return new Foundation(
                database,
                blocking,
                templates,
                clock,
                config,
                links,
                new RateLimit(new RateLimitRepository(database.dsl(), clock), blocking),
                new HubChoices(hubs, blocking),
                pupilReferences,
                new WondePulls(
                        config.wonde(),
                        new WondeLinkRepository(database.dsl()),
                        new WondePull(database.dsl()),
                        pupilReferences,
                        clock));
    }

    /** The session, the CSRF check, the signed-in person and the second-factor gate, for every route after. */
    private void checkWhoIsAsking(
            SessionHandler sessionHandler, CsrfCheck csrf, Blocking blocking, SecondFactorGate secondFactorGate) {
        router.route().handler(sessionHandler);
        router.route().handler(ctx -> {
            if (isUpload(ctx)) {
                ctx.next(); // an upload's CSRF token is in its body, so it is checked once the body is read
            } else if (ContactPreferencesRoutes.isOneClick(ctx)) {
                ctx.next(); // a mail app's one-click unsubscribe: its link's secret admits it (see there)
            } else {
                csrf.check(ctx);
            }
        });
        router.route()
                .handler(RequestId.carried(new CurrentUser(
                        new AccountRepository(database.dsl()), blocking, config.sessionLifetime())::load));
        router.route().handler(secondFactorGate::check);
    }

    private SessionHandler sessionHandler(PostgresSessionStore sessions) {
        return SessionHandler.create(sessions)
                .setSessionCookieName("encounters_session")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.LAX)
                .setCookieSecureFlag(config.https())
                .setSessionTimeout(SESSION_TIMEOUT.toMillis())
                .setNagHttps(false);
    }

    /** Form bodies up to 64 KB are read here; an upload's waits for its route's access check. */
    private void readBodies() {
        BodyHandler forms = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
        router.route().handler(FormInput::refuseMultipartWithoutBoundary);
        router.route().handler(ctx -> {
            if (isUpload(ctx)) {
                UploadForm.hold(ctx); // read by the upload route's own steps (Routes.uploads)
            } else if (!FormInput.isMultipart(ctx)) {
                forms.handle(ctx);
            } else {
                // Vert.x's own multipart decoding can leave a malformed body unanswered (UploadForm): only
                // a form that uploads a file takes multipart, and UploadForm decodes it
                ctx.fail(415);
            }
        });
        router.route().handler(FormInput::refuseNulCharacters);
    }

    /**
     * /metrics in Prometheus text format, on a port of its own so the public port never serves it
     * (METRICS_HOST, the loopback by default). A taken port costs the metrics, not the app.
     */
    private Future<?> serveMetrics() {
        Router scrape = Router.router(vertx);
        scrape.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));
        return vertx.createHttpServer()
                .requestHandler(scrape)
                .listen(config.metricsPort(), config.metricsHost())
                .onSuccess(s -> metricsServer = s)
                .recover(e -> {
                    log.error(
                            "Could not serve /metrics on {}:{}, so there are no metrics: {}",
                            config.metricsHost(),
                            config.metricsPort(),
                            e.toString());
                    return Future.succeededFuture();
                });
    }

    @Override
    public Future<?> stop() throws Exception {
        if (housekeeping != null) {
            housekeeping.stop();
        }
        if (roundSolver != null) {
            roundSolver.close(); // a solve cut short here saves its best plan so far
        }
        return super.stop();
    }

    /** The port it listens on: the configured one, or the one the system chose for port 0. */
    public int actualPort() {
        return server.actualPort();
    }

    /** The port /metrics is served on, or -1 when it could not be. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.actualPort();
    }

    /** The routes, for the test that walks every one of them with every role. */
    public Router router() {
        return router;
    }

    /**
     * A form field may be long (a class list of pupils); Vert.x's default (8 KB a field) would refuse
     * it. The body limits still cap each whole request; uploads are decoded by {@link UploadForm}.
     * A connection silent for two minutes is closed: no page takes that long, so it is a client
     * gone quiet (or a request left unanswered by a fault), and it should not hold a connection.
     */
    private static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setMaxFormAttributeSize((int) UPLOAD_LIMIT_BYTES)
                .setMaxFormBufferedBytes((int) UPLOAD_LIMIT_BYTES)
                .setIdleTimeout(120)
                .setIdleTimeoutUnit(TimeUnit.SECONDS);
    }

    private String csrfSecret() {
        Optional<String> secret = config.sessionSecret();
        if (secret.isPresent()) {
            return secret.get();
        }
        // Several instances must share SESSION_SECRET or forms fail across them. A form opened before a
        // restart is refused once, with a fresh one offered (ExpiredForms); the demo keeps its own secret.
        log.warn("SESSION_SECRET is not set: using a random one, so forms open across a restart must be resent");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** A file upload or a pasted list: its body is read only for someone allowed to send it. */
    private static boolean isUpload(RoutingContext ctx) {
        String path = ctx.request().path();
        return ctx.request().method() == HttpMethod.POST
                && (IMPORT_PATH.matcher(path).matches()
                        || EVIDENCE_UPLOAD_PATH.matcher(path).matches()
                        || PAPERWORK_PATH.matcher(path).matches());
    }

    private static Access.HubLookup hubLookup(HubRepository hubs) {
        return new Access.HubLookup() {
            @Override
            public Optional<Long> hubOfSchool(long schoolId) {
                return hubs.findHubOfSchool(schoolId);
            }

            @Override
            public Set<Long> hubsOfEmployer(long employerId) {
                return hubs.findHubsOfEmployer(employerId);
            }
        };
    }
}
