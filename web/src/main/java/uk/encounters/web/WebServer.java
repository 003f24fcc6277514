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
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.PasswordPolicy;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.privacy.LeaverRetention;
import uk.encounters.marketplace.privacy.Retention;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.Rollover;
import uk.encounters.marketplace.pupil.SchoolActivities;
import uk.encounters.marketplace.ratelimit.RateLimits;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.web.account.Invitations;
import uk.encounters.web.account.Links;
import uk.encounters.web.account.SecondFactorRoutes;
import uk.encounters.web.account.SignInRoutes;
import uk.encounters.web.account.TokenLinkRoutes;
import uk.encounters.web.admin.AdminRoutes;
import uk.encounters.web.admin.PrivacyRoutes;
import uk.encounters.web.directory.DirectoryRoutes;
import uk.encounters.web.employer.BookingReplyRoutes;
import uk.encounters.web.employer.EmployerOfferRoutes;
import uk.encounters.web.employer.EmployerRoutes;
import uk.encounters.web.employer.HubChoices;
import uk.encounters.web.employer.ImportRoutes;
import uk.encounters.web.employer.JoinRoutes;
import uk.encounters.web.employer.OfferFormRoutes;
import uk.encounters.web.employer.ReplyLinkRoutes;
import uk.encounters.web.employer.VolunteerRoutes;
import uk.encounters.web.health.HealthRoutes;
import uk.encounters.web.home.HomeRoutes;
import uk.encounters.web.hub.HubDashboardRoutes;
import uk.encounters.web.hub.HubEmployerRoutes;
import uk.encounters.web.hub.HubPeopleRoutes;
import uk.encounters.web.hub.PupilValueRoutes;
import uk.encounters.web.hub.RetentionRoutes;
import uk.encounters.web.hub.RoundRoutes;
import uk.encounters.web.mail.MessageLinks;
import uk.encounters.web.mail.OutboxWorker;
import uk.encounters.web.observe.AccessLog;
import uk.encounters.web.observe.AppMetrics;
import uk.encounters.web.observe.OutboxBacklogMetrics;
import uk.encounters.web.observe.RequestId;
import uk.encounters.web.observe.SolveMetrics;
import uk.encounters.web.school.ActivityRoutes;
import uk.encounters.web.school.BudgetRoutes;
import uk.encounters.web.school.DashboardRoutes;
import uk.encounters.web.school.EvidenceRoutes;
import uk.encounters.web.school.PupilRoutes;
import uk.encounters.web.school.RequestPlanRoutes;
import uk.encounters.web.school.RequestRoutes;
import uk.encounters.web.school.SchoolBookingRoutes;
import uk.encounters.web.security.Access;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.ForwardedFor;
import uk.encounters.web.security.NormalisedPath;
import uk.encounters.web.security.PostgresSessionStore;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;
import uk.encounters.web.security.SecondFactorGate;
import uk.encounters.web.security.SecurityHeaders;

/**
 * The HTTP server. Deploy it with {@code ThreadingModel.VIRTUAL_THREAD}: handlers are plain
 * sequential code, and every database call goes through {@link Blocking}, never the event loop.
 */
public final class WebServer extends VerticleBase {

    public static final String PRODUCT_NAME = "Employer Encounters";
    /** Forms are small; anything bigger is refused with a 413 page before it is read. */
    static final long BODY_LIMIT_BYTES = 64 * 1024;
    /** A CSV of a cornerstone employer's volunteers or offers: thousands of rows at most. */
    static final long UPLOAD_LIMIT_BYTES = 2 * 1024 * 1024;

    private static final Pattern IMPORT_PATH = Pattern.compile("/(employers|schools)/\\d+/import/[a-z]+");
    static final Duration SESSION_TIMEOUT = Duration.ofHours(8);
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** Schools summarised per background pass: a pass stays short, so a stop is never held up long. */
    private static final int SUMMARIES_PER_PASS = 100;

    private static final Duration SUMMARY_PAUSE = Duration.ofSeconds(2);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final LocalTime RETENTION_AT = LocalTime.of(2, 30);

    private final Database database;
    private final Clock clock;
    private final WebConfig config;
    private final AppMetrics metrics;
    private HttpServer server;
    private HttpServer metricsServer;
    private Router router;
    /** Solves rounds in the background; stops with the server. */
    private RoundSolver roundSolver;

    private volatile boolean stopped;

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
        SessionHandler sessionHandler = SessionHandler.create(sessions)
                .setSessionCookieName("encounters_session")
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.LAX)
                .setCookieSecureFlag(config.https())
                .setSessionTimeout(SESSION_TIMEOUT.toMillis())
                .setNagHttps(false);
        Templates templates = new Templates(PRODUCT_NAME, sessionHandler, blocking);
        HubRepository hubRepository = new HubRepository(database.dsl());
        Passwords passwords = new Passwords();
        RateLimit rateLimit = new RateLimit(new RateLimits(database.dsl(), clock), blocking);
        Links links = new Links(config.baseUrl());
        Invitations invitations = new Invitations(links, clock);

        HomeRoutes home = new HomeRoutes(hubRepository, blocking, templates, clock);
        HealthRoutes health = new HealthRoutes(database, blocking);
        SignInRoutes signIn = new SignInRoutes(database, blocking, templates, rateLimit, links, passwords, clock);
        TokenLinkRoutes tokenLinks =
                new TokenLinkRoutes(database, blocking, templates, passwords, new PasswordPolicy(), clock);
        HubChoices hubChoices = new HubChoices(database, blocking);
        AdminRoutes admin = new AdminRoutes(database, blocking, templates, invitations, hubChoices);
        RetentionRoutes leaverRetention = new RetentionRoutes(new LeaverRetention(database.dsl()), blocking, templates);
        PrivacyRoutes privacy = PrivacyRoutes.over(database.dsl(), clock, blocking, templates);
        HubPeopleRoutes hubPeople = new HubPeopleRoutes(database, blocking, templates, invitations);
        HubEmployerRoutes hubEmployers = new HubEmployerRoutes(database, blocking, templates, clock);
        OfferFormRoutes offerForm =
                new OfferFormRoutes(database, blocking, templates, rateLimit, links, hubChoices, clock);
        EmployerRoutes employers = new EmployerRoutes(database, blocking, templates, links, clock);
        JoinRoutes joins = new JoinRoutes(database, blocking, config.baseUrl(), clock);
        SecondFactorGate secondFactorGate = new SecondFactorGate(config.secondFactorRoles());
        SecondFactorRoutes secondFactor =
                new SecondFactorRoutes(database, blocking, templates, rateLimit, secondFactorGate);
        EmployerOfferRoutes employerOffers = new EmployerOfferRoutes(database, blocking, templates, clock);
        VolunteerRoutes volunteers = new VolunteerRoutes(database, blocking, templates);
        ImportRoutes imports = new ImportRoutes(database, blocking, templates, clock);
        BookingReplyRoutes bookingReplies = new BookingReplyRoutes(database, blocking, templates, clock);
        ReplyLinkRoutes replyLinks = new ReplyLinkRoutes(database, blocking, templates, clock);
        DirectoryRoutes directory = new DirectoryRoutes(database, blocking, templates, clock);
        PupilRoutes pupils = new PupilRoutes(database, blocking, templates, clock);
        RequestRoutes requests = new RequestRoutes(database, blocking, templates, clock);
        RequestPlanRoutes requestPlan = new RequestPlanRoutes(database, blocking, templates, clock);
        PupilValueRoutes pupilValue = new PupilValueRoutes(new PupilValueSettings(database.dsl()), blocking, templates);
        ActivityRoutes schoolActivities =
                new ActivityRoutes(new SchoolActivities(database.dsl()), blocking, templates, clock);
        BudgetRoutes budgets = new BudgetRoutes(database, blocking, templates, clock);
        DashboardRoutes dashboard = new DashboardRoutes(database, blocking, templates, clock);
        SchoolBookingRoutes schoolBookings = new SchoolBookingRoutes(database, blocking, templates, clock);
        EvidenceRoutes evidence = new EvidenceRoutes(database, blocking, templates);
        HubDashboardRoutes hubDashboard = new HubDashboardRoutes(database, blocking, templates, clock);
        ErrorPages errors = new ErrorPages(templates);
        roundSolver =
                new RoundSolver(database, clock, new SolveMetrics(metrics.registry()), config.maxConcurrentSolves());
        RoundRoutes round = new RoundRoutes(
                database, blocking, templates, clock, roundSolver, new Publication(links, PRODUCT_NAME, clock));

        router = Router.router(vertx);
        if (config.trustProxy()) {
            router.route().handler(ForwardedFor::take);
        }
        Routes routes = new Routes(router, hubLookup(hubRepository), blocking);
        router.route().handler(new RequestId(config.trustProxy())::assign);
        router.route().handler(new AccessLog()::begin);
        router.route().handler(new SecurityHeaders(config.https())::add);
        router.route().handler(NormalisedPath::require);
        // Probes and assets first: they need no session.
        routes.get("/health", Access.anyone(), health::showHealth);
        routes.get("/ready", Access.anyone(), health::showReadiness);
        routes.get("/static/*", Access.anyone(), StaticHandler.create("webroot").setMaxAgeSeconds(3600));
        BodyHandler forms = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
        UploadForm uploads = new UploadForm(UPLOAD_LIMIT_BYTES);
        CSRFHandler csrf = CSRFHandler.create(vertx, csrfSecret())
                .setCookieSecure(config.https())
                .setTimeout(SESSION_TIMEOUT.toMillis())
                .setNagHttps(false);
        router.route().handler(FormInput::refuseMultipartWithoutBoundary);
        router.route().handler(ctx -> {
            if (isUpload(ctx)) {
                // read after the access check, by the upload routes' own steps (below); until then it waits
                UploadForm.hold(ctx);
            } else if (!FormInput.isMultipart(ctx)) {
                forms.handle(ctx);
            } else {
                // Vert.x's own multipart decoding can leave a malformed body unanswered (UploadForm): only
                // a form that uploads a file takes multipart, and UploadForm decodes it
                ctx.fail(415);
            }
        });
        router.route().handler(FormInput::refuseNulCharacters);
        router.route().handler(sessionHandler);
        router.route().handler(ctx -> {
            if (isUpload(ctx)) {
                // an upload's CSRF token is in its body, so it is checked once the body is read
                ctx.next();
            } else {
                csrf.handle(ctx);
            }
        });
        router.route()
                .handler(RequestId.carried(new CurrentUser(
                        new AccountRepository(database.dsl()), blocking, config.sessionLifetime())::load));
        router.route().handler(secondFactorGate::check);
        Routes importing = routes.readingBodyAfterAccess(uploads::handle, FormInput::refuseNulCharacters, csrf);

        routes.get("/", Access.anyone(), home::showHome);

        routes.get("/sign-in", Access.anyone(), signIn::initSignInForm);
        routes.post("/sign-in", Access.anyone(), signIn::processSignInForm);
        routes.post("/sign-out", Access.signedIn(), signIn::processSignOut);
        routes.post("/sign-out-everywhere", Access.signedIn(), signIn::processSignOutEverywhere);
        routes.get("/account", Access.signedIn(), signIn::showAccount);
        routes.get("/two-factor", Access.signedIn(), secondFactor::initConfirmForm);
        routes.post("/two-factor", Access.signedIn(), secondFactor::processConfirmForm);
        routes.get("/two-factor/setup", Access.signedIn(), secondFactor::initSetupForm);
        routes.post("/two-factor/setup", Access.signedIn(), secondFactor::processSetupForm);
        routes.post("/two-factor/recovery-codes", Access.signedIn(), secondFactor::processNewRecoveryCodes);
        routes.get("/sign-in/link", Access.anyone(), signIn::initLinkForm);
        routes.post("/sign-in/link", Access.anyone(), signIn::processLinkForm);
        routes.get("/sign-in/link/:token", Access.anyone(), tokenLinks::initLinkSignIn);
        routes.post("/sign-in/link/:token", Access.anyone(), tokenLinks::processLinkSignIn);
        routes.get("/password-reset", Access.anyone(), signIn::initPasswordResetForm);
        routes.post("/password-reset", Access.anyone(), signIn::processPasswordResetForm);
        routes.get("/password-reset/:token", Access.anyone(), tokenLinks::initPasswordResetForm);
        routes.post("/password-reset/:token", Access.anyone(), tokenLinks::processPasswordResetForm);
        routes.get("/invitation/:token", Access.anyone(), tokenLinks::initInvitationForm);
        routes.post("/invitation/:token", Access.anyone(), tokenLinks::processInvitationForm);

        routes.get("/admin", Access.admin(), admin::showHubs);
        routes.post("/admin/hubs", Access.admin(), admin::processHubForm);
        routes.get("/admin/hubs/:hubId", Access.admin(), admin::showHub);
        routes.post("/admin/hubs/:hubId/coordinators", Access.admin(), admin::processCoordinatorForm);
        routes.get("/admin/audit", Access.admin(), admin::showAudit);
        routes.get("/admin/outbox", Access.admin(), admin::showOutbox);
        routes.get("/admin/outbox/:messageId", Access.admin(), admin::showOutboxMessage);
        routes.get("/admin/privacy", Access.admin(), privacy::initPrivacyForm);
        routes.post("/admin/privacy/export", Access.admin(), privacy::processExport);
        routes.post("/admin/privacy/erase", Access.admin(), privacy::processErasure);

        routes.get("/offer-a-talk", Access.anyone(), offerForm::initOfferForm);
        routes.post("/offer-a-talk", Access.anyone(), offerForm::processOfferForm);
        routes.get("/offers/:offerId/confirm/:token", Access.anyone(), employers::initOfferConfirmation);
        routes.post("/offers/:offerId/confirm/:token", Access.anyone(), employers::processOfferConfirmation);
        // a digest's reply links: the link's secret stands for the employer, for that one booking
        routes.get("/bookings/:bookingId/reply/:token", Access.anyone(), replyLinks::initReply);
        routes.post("/bookings/:bookingId/reply/:token/confirm", Access.anyone(), replyLinks::processConfirm);
        routes.post("/bookings/:bookingId/reply/:token/decline", Access.anyone(), replyLinks::processDecline);
        routes.get("/employers/:employerId", Access.employer("employerId"), employers::showEmployer);
        routes.post(
                "/employers/:employerId/joins/:joinId", Access.employer("employerId"), joins::processEmployerDecision);
        routes.post(
                "/employers/:employerId/contact-preference",
                Access.employer("employerId"),
                employers::processContactPreference);
        routes.post("/employers/:employerId/calendar", Access.employer("employerId"), employers::processCalendarFeed);
        routes.get("/calendar/:token", Access.anyone(), employers::showCalendarFeed);
        routes.get("/employers/:employerId/offers/new", Access.employer("employerId"), employerOffers::initNewOffer);
        routes.post("/employers/:employerId/offers", Access.employer("employerId"), employerOffers::processNewOffer);
        routes.get(
                "/employers/:employerId/offers/:offerId/edit",
                Access.employer("employerId"),
                employerOffers::initEditOffer);
        routes.post(
                "/employers/:employerId/offers/:offerId",
                Access.employer("employerId"),
                employerOffers::processEditOffer);
        routes.post(
                "/employers/:employerId/offers/:offerId/status",
                Access.employer("employerId"),
                employerOffers::processOfferStatus);
        routes.get(
                "/employers/:employerId/volunteers/new", Access.employer("employerId"), volunteers::initVolunteerForm);
        routes.post(
                "/employers/:employerId/volunteers", Access.employer("employerId"), volunteers::processVolunteerForm);
        routes.post(
                "/employers/:employerId/volunteers/:volunteerId/active",
                Access.employer("employerId"),
                volunteers::processVolunteerActive);
        routes.get("/employers/:employerId/import", Access.employer("employerId"), imports::initImport);
        importing.post(
                "/employers/:employerId/import/volunteers",
                Access.employer("employerId"),
                imports::processVolunteerImport);
        importing.post(
                "/employers/:employerId/import/offers", Access.employer("employerId"), imports::processOfferImport);
        routes.post(
                "/employers/:employerId/bookings/:bookingId/confirm",
                Access.employer("employerId"),
                bookingReplies::processConfirm);
        routes.get(
                "/employers/:employerId/bookings/:bookingId/decline",
                Access.employer("employerId"),
                bookingReplies::initDecline);
        routes.post(
                "/employers/:employerId/bookings/:bookingId/decline",
                Access.employer("employerId"),
                bookingReplies::processDecline);
        routes.get(
                "/employers/:employerId/bookings/:bookingId/feedback",
                Access.employer("employerId"),
                bookingReplies::initFeedback);
        routes.post(
                "/employers/:employerId/bookings/:bookingId/feedback",
                Access.employer("employerId"),
                bookingReplies::processFeedback);

        routes.get("/schools/:schoolId/pupils", Access.school("schoolId"), pupils::showPupils);
        importing.post("/schools/:schoolId/import/pupils", Access.school("schoolId"), pupils::processPupilImport);
        routes.post("/schools/:schoolId/pupils/year-group", Access.school("schoolId"), pupils::processYearGroupForm);

        routes.get("/schools/:schoolId/progress", Access.school("schoolId"), dashboard::showDashboard);
        routes.get("/schools/:schoolId/bookings", Access.school("schoolId"), schoolBookings::showBookings);
        routes.get("/schools/:schoolId/bookings/:bookingId", Access.school("schoolId"), schoolBookings::showBooking);
        routes.post(
                "/schools/:schoolId/bookings/:bookingId/confirm",
                Access.school("schoolId"),
                schoolBookings::processConfirm);
        routes.get(
                "/schools/:schoolId/bookings/:bookingId/decline",
                Access.school("schoolId"),
                schoolBookings::initDecline);
        routes.post(
                "/schools/:schoolId/bookings/:bookingId/decline",
                Access.school("schoolId"),
                schoolBookings::processDecline);
        routes.post(
                "/schools/:schoolId/bookings/:bookingId/pupils",
                Access.school("schoolId"),
                schoolBookings::processPupils);
        routes.post(
                "/schools/:schoolId/bookings/:bookingId/attendance",
                Access.school("schoolId"),
                schoolBookings::processAttendance);
        routes.post(
                "/schools/:schoolId/bookings/:bookingId/no-show",
                Access.school("schoolId"),
                schoolBookings::processNoShow);
        routes.get("/schools/:schoolId/pupils/log", Access.school("schoolId"), evidence::showPupilLog);
        routes.get("/schools/:schoolId/pupils/log.csv", Access.school("schoolId"), evidence::downloadPupilLog);
        importing.post("/schools/:schoolId/import/log", Access.school("schoolId"), evidence::processLogImport);
        routes.get("/schools/:schoolId/activities", Access.school("schoolId"), schoolActivities::showActivities);
        routes.post("/schools/:schoolId/activities", Access.school("schoolId"), schoolActivities::processNewActivity);
        routes.get(
                "/schools/:schoolId/activities/:activityId/edit",
                Access.school("schoolId"),
                schoolActivities::initEditActivity);
        routes.post(
                "/schools/:schoolId/activities/:activityId",
                Access.school("schoolId"),
                schoolActivities::processEditActivity);
        routes.get(
                "/schools/:schoolId/activities/:activityId/delete",
                Access.school("schoolId"),
                schoolActivities::initDeleteActivity);
        routes.post(
                "/schools/:schoolId/activities/:activityId/delete",
                Access.school("schoolId"),
                schoolActivities::processDeleteActivity);
        importing.post(
                "/schools/:schoolId/import/activities",
                Access.school("schoolId"),
                schoolActivities::processActivityImport);
        routes.get(
                "/schools/:schoolId/evidence/encounters.csv", Access.school("schoolId"), evidence::downloadEncounters);
        routes.get("/schools/:schoolId/evidence/bookings.csv", Access.school("schoolId"), evidence::downloadBookings);
        routes.get("/schools/:schoolId/budget", Access.school("schoolId"), budgets::showBudget);
        routes.post("/schools/:schoolId/budget", Access.school("schoolId"), budgets::processBudgetForm);
        routes.get("/schools/:schoolId/requests", Access.school("schoolId"), requests::showRequests);
        routes.get("/schools/:schoolId/requests/new", Access.school("schoolId"), requests::initNewRequest);
        routes.get("/schools/:schoolId/requests/plan", Access.school("schoolId"), requestPlan::showPlan);
        routes.post("/schools/:schoolId/requests/plan", Access.school("schoolId"), requestPlan::processPlan);
        routes.post("/schools/:schoolId/requests", Access.school("schoolId"), requests::processNewRequest);
        routes.get("/schools/:schoolId/requests/:requestId/edit", Access.school("schoolId"), requests::initEditRequest);
        routes.post("/schools/:schoolId/requests/:requestId", Access.school("schoolId"), requests::processEditRequest);
        routes.post(
                "/schools/:schoolId/requests/:requestId/cancel",
                Access.school("schoolId"),
                requests::processCancelRequest);

        routes.get("/hubs/:hubId/people", Access.hub("hubId"), hubPeople::showPeople);
        routes.get("/hubs/:hubId/pupil-value", Access.hub("hubId"), pupilValue::showPupilValue);
        routes.post("/hubs/:hubId/pupil-value", Access.hub("hubId"), pupilValue::processPupilValue);
        routes.get("/hubs/:hubId/retention", Access.hub("hubId"), leaverRetention::showRetention);
        routes.post("/hubs/:hubId/retention", Access.hub("hubId"), leaverRetention::processRetention);
        routes.post("/hubs/:hubId/careers-leaders", Access.hub("hubId"), hubPeople::processCareersLeaderForm);
        routes.get("/hubs/:hubId/employers", Access.hub("hubId"), hubEmployers::showEmployers);
        routes.post("/hubs/:hubId/employers/merge", Access.hub("hubId"), hubEmployers::processMergeForm);
        routes.post("/hubs/:hubId/joins/:joinId", Access.hub("hubId"), joins::processHubDecision);
        routes.get("/hubs/:hubId/round", Access.hub("hubId"), round::showRound);
        routes.post("/hubs/:hubId/rounds", Access.hub("hubId"), round::processRun);
        routes.post("/hubs/:hubId/rematch", Access.hub("hubId"), round::processRematch);
        routes.get("/hubs/:hubId/rounds/:roundId", Access.hub("hubId"), round::showRoundById);
        routes.get("/hubs/:hubId/rounds/:roundId/progress", Access.hub("hubId"), round::showProgress);
        routes.post("/hubs/:hubId/rounds/:roundId/stop", Access.hub("hubId"), round::processStop);
        routes.post("/hubs/:hubId/rounds/:roundId/bookings", Access.hub("hubId"), round::processBookingChange);
        routes.get(
                "/hubs/:hubId/rounds/:roundId/requests/:requestId/suggestions",
                Access.hub("hubId"),
                round::showSuggestions);
        routes.post(
                "/hubs/:hubId/rounds/:roundId/requests/:requestId/assign", Access.hub("hubId"), round::processAssign);
        routes.post("/hubs/:hubId/rounds/:roundId/publish", Access.hub("hubId"), round::processPublish);
        routes.post("/hubs/:hubId/rounds/:roundId/discard", Access.hub("hubId"), round::processDiscard);

        routes.get("/hubs/:hubId/dashboard", Access.hub("hubId"), hubDashboard::showDashboard);
        routes.get("/hubs/:hubId/supply-gaps.csv", Access.hub("hubId"), hubDashboard::downloadSupplyGaps);

        routes.get("/schools/:schoolId/offers", Access.school("schoolId"), directory::showSchoolDirectory);
        routes.get("/hubs/:hubId/offers", Access.hub("hubId"), directory::showHubDirectory);

        // named, so the metrics label every request no route took with one route, not ""
        router.route().last().setName(AccessLog.UNMATCHED).handler(errors::notFound);
        router.route().failureHandler(RequestId.carried(errors::showFailure));

        // On 1 September pupils move up a year; checking hourly (and now) catches it on any instance.
        vertx.setPeriodic(
                0,
                Duration.ofHours(1).toMillis(),
                id -> vertx.executeBlocking(
                        () -> {
                            Rollover.Result rolled = new Rollover(database.dsl()).run(LocalDate.now(clock));
                            if (rolled.schools() > 0) {
                                log.info(
                                        "Academic-year rollover: {} schools, {} pupils moved up, {} Year 13 leavers archived",
                                        rolled.schools(),
                                        rolled.movedUp(),
                                        rolled.leaversArchived());
                            }
                            return rolled;
                        },
                        false));
        summariseProgress();
        scheduleRetention();
        // A round whose instance died mid-solve is marked interrupted by whichever instance finds its hub's lock free.
        vertx.setPeriodic(
                RoundSolver.RECOVERY_INTERVAL.toMillis(),
                id -> vertx.executeBlocking(roundSolver::recoverAbandoned, false));
        vertx.setPeriodic(
                Duration.ofMinutes(10).toMillis(),
                id -> vertx.executeBlocking(
                        () -> {
                            sessions.deleteExpired();
                            return new RateLimits(database.dsl(), clock).deleteOld();
                        },
                        false));

        OutboxBacklogMetrics outboxBacklog = new OutboxBacklogMetrics(new Outbox(database.dsl()), metrics.registry());
        vertx.setPeriodic(
                0,
                OutboxBacklogMetrics.REFRESH_EVERY.toMillis(),
                id -> vertx.executeBlocking(
                        () -> {
                            outboxBacklog.refresh();
                            return null;
                        },
                        false));

        // The outbox worker is a child verticle: it stops with the server.
        return vertx.deployVerticle(new OutboxWorker(database, config.mail(), new MessageLinks(database, links, clock)))
                .compose(id -> vertx.createHttpServer(serverOptions())
                        .requestHandler(router)
                        .listen(config.port()))
                .onSuccess(s -> server = s)
                .compose(s -> serveMetrics());
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

    /**
     * Brings schools' progress summaries up to date after changes and at each new day, so the home
     * page and hub dashboards read current figures without judging every pupil (ProgressSummaries).
     * Runs again a moment after each pass; every instance does, and they share the schools.
     */
    private void summariseProgress() {
        vertx.executeBlocking(
                        () -> new ProgressSummaries(database.dsl())
                                .refreshDue(LocalDate.now(clock), SUMMARIES_PER_PASS),
                        false)
                .onComplete(done -> {
                    if (done.failed() && !Database.isUnavailable(done.cause())) {
                        log.warn("Summarising schools' progress failed; trying again shortly", done.cause());
                    }
                    if (!stopped) {
                        vertx.setTimer(SUMMARY_PAUSE.toMillis(), id -> summariseProgress());
                    }
                });
    }

    /**
     * The retention rules (docs/privacy.md) at half past two each night, UK time, when nobody is
     * matching. Every instance runs them; each rule is safe to run twice. Logs counts, never people.
     */
    private void scheduleRetention() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(UK));
        ZonedDateTime next = now.toLocalDate().atTime(RETENTION_AT).atZone(UK);
        // a minute at least: under a clock that stands still (tests) the night never passes
        if (!next.isAfter(now.plusMinutes(1))) {
            next = next.plusDays(1);
        }
        vertx.setTimer(
                Duration.between(now, next).toMillis(),
                id -> vertx.executeBlocking(() -> new Retention(database.dsl(), clock).run(), false)
                        .onComplete(done -> {
                            if (done.succeeded()) {
                                Retention.Report r = done.result();
                                log.info(
                                        "Retention: {} message bodies removed, {} audit IP addresses forgotten, {} leavers deleted, "
                                                + "{} volunteers and {} employer contacts anonymised, {} expired tokens and {} sessions deleted",
                                        r.messageBodies(),
                                        r.auditAddresses(),
                                        r.pupils(),
                                        r.volunteers(),
                                        r.employerContacts(),
                                        r.tokens(),
                                        r.sessions());
                            } else if (!Database.isUnavailable(done.cause())) {
                                log.warn("Retention failed; it runs again tomorrow night", done.cause());
                            }
                            if (!stopped) {
                                scheduleRetention();
                            }
                        }));
    }

    @Override
    public Future<?> stop() throws Exception {
        stopped = true;
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
        // Fine for one demo instance; several instances must share SESSION_SECRET or forms fail across them.
        log.warn("SESSION_SECRET is not set: using a random one, so forms open across a restart must be resent");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** A file upload or a pasted list: its body (up to 2 MB) is read only for someone allowed to send it. */
    private static boolean isUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST
                && IMPORT_PATH.matcher(ctx.request().path()).matches();
    }

    private static Access.HubLookup hubLookup(HubRepository hubs) {
        return new Access.HubLookup() {
            @Override
            public Optional<Long> hubOfSchool(long schoolId) {
                return hubs.findHubOfSchool(schoolId);
            }

            @Override
            public Optional<Long> hubOfEmployer(long employerId) {
                return hubs.findHubOfEmployer(employerId);
            }
        };
    }
}
