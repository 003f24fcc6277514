package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * Walks every registered route with every kind of person and checks the answer against what
 * its access rule promises. A route registered without a rule fails the first test.
 */
class RouteAccessTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String PASSWORD = "correct horse battery staple";

    /** People, each in hub A or hub B (or neither). */
    enum Person {
        ANONYMOUS,
        ADMIN,
        COORDINATOR_A,
        COORDINATOR_B,
        CAREERS_LEADER_A,
        CAREERS_LEADER_B,
        ADVISER_A,
        EMPLOYER_A,
        EMPLOYER_B
    }

    /** Who may use a route of each kind, with every path parameter pointing into hub A. */
    static final Map<Access.Kind, Set<Person>> ALLOWED = Map.of(
            Access.Kind.ANYONE, Set.of(Person.values()),
            Access.Kind.SIGNED_IN,
                    Set.of(
                            Person.ADMIN,
                            Person.COORDINATOR_A,
                            Person.COORDINATOR_B,
                            Person.CAREERS_LEADER_A,
                            Person.CAREERS_LEADER_B,
                            Person.ADVISER_A,
                            Person.EMPLOYER_A,
                            Person.EMPLOYER_B),
            Access.Kind.ADMIN, Set.of(Person.ADMIN),
            Access.Kind.HUB, Set.of(Person.ADMIN, Person.COORDINATOR_A),
            Access.Kind.SCHOOL, Set.of(Person.ADMIN, Person.COORDINATOR_A, Person.CAREERS_LEADER_A),
            // an enterprise adviser reads the school's pages that change nothing, and no other
            Access.Kind.SCHOOL_READ,
                    Set.of(Person.ADMIN, Person.COORDINATOR_A, Person.CAREERS_LEADER_A, Person.ADVISER_A),
            // pupils' words before approval: the school's own careers leaders only
            Access.Kind.SCHOOL_OWN, Set.of(Person.CAREERS_LEADER_A),
            Access.Kind.EMPLOYER, Set.of(Person.ADMIN, Person.COORDINATOR_A, Person.EMPLOYER_A));

    /** Paths whose rule is fixed by where they live, so a wrong rule cannot slip in either. */
    static final Map<String, Set<Access.Kind>> RULE_BY_PREFIX = Map.of(
            "/admin", Set.of(Access.Kind.ADMIN),
            "/hubs/:hubId", Set.of(Access.Kind.HUB),
            "/schools/:schoolId", Set.of(Access.Kind.SCHOOL, Access.Kind.SCHOOL_READ, Access.Kind.SCHOOL_OWN),
            "/employers/:employerId", Set.of(Access.Kind.EMPLOYER));

    /**
     * The routes of emailed links, public because the link's secret stands for its person (or, for a
     * reply link or a calendar feed, for the employer); each handler checks the secret's purpose and
     * subject. A new one is listed here on purpose, never by accident.
     */
    static final Set<String> LINK_ROUTES = Set.of(
            "/sign-in/link/:token",
            "/password-reset/:token",
            "/invitation/:token",
            "/offers/:offerId/confirm/:token",
            "/bookings/:bookingId/reply/:token",
            "/bookings/:bookingId/reply/:token/confirm",
            "/bookings/:bookingId/reply/:token/decline",
            "/calendar/:token",
            // an organisation's invitation, to someone who already has an account: the path names the
            // organisation, yet it is no /employers/ page, since the link's person does not manage it yet
            "/organisations/:employerId/invitation/:token",
            "/organisations/:employerId/invitation/:token/accept",
            "/organisations/:employerId/invitation/:token/decline",
            // a placed pupil's parent or carer, and the pupil: the school hands them the link
            "/placements/:placementId/agreement/:token",
            "/placements/:placementId/pupil/:token",
            "/placements/:placementId/pupil/:token/induction",
            "/placements/:placementId/pupil/:token/reflection",
            // the host of a placement a pupil found, who has no account
            "/placements/:placementId/host/:token",
            // an organisation's contact preferences, from the foot of a request (and a mail app's one click)
            "/organisations/:employerId/contact-preferences/:token",
            // "how did it go?" in the message after a session, one side of one booking each
            "/bookings/:bookingId/feedback/school/:token",
            "/bookings/:bookingId/feedback/employer/:token",
            // the pupils' three questions, from the link or QR code their school shows
            "/feedback/:bookingId/:token");

    static RunningApp app;
    static Map<String, String> parameters = new LinkedHashMap<>();
    static Map<Person, String> emails = new LinkedHashMap<>();

    @BeforeAll
    static void twoHubsAndOnePersonOfEachKind() {
        TestData data = new TestData(db.dsl());
        long hubA = data.hub("Hub A");
        long hubB = data.hub("Hub B");
        long schoolA = data.school(hubA, "School A");
        long schoolB = data.school(hubB, "School B");
        long employerA = data.employer(hubA, "Employer A");
        long employerB = data.employer(hubB, "Employer B");
        String hash = new Passwords().hash(PASSWORD);
        AccountRepository accounts = new AccountRepository(db.dsl());
        Map<Person, Scope> scopes = Map.of(
                Person.ADMIN, Scope.admin(),
                Person.COORDINATOR_A, Scope.coordinator(hubA),
                Person.COORDINATOR_B, Scope.coordinator(hubB),
                Person.CAREERS_LEADER_A, Scope.careersLeader(schoolA),
                Person.CAREERS_LEADER_B, Scope.careersLeader(schoolB),
                Person.ADVISER_A, Scope.enterpriseAdviser(schoolA),
                Person.EMPLOYER_A, Scope.employer(employerA),
                Person.EMPLOYER_B, Scope.employer(employerB));
        scopes.forEach((person, scope) -> {
            String email = person.name().toLowerCase().replace('_', '.') + "@example.org";
            accounts.create(email, person.name(), hash, scope);
            emails.put(person, email);
        });
        new Outbox(db.dsl()).enqueue(new OutboxMessage("route-test", "test", "x@example.org", "Hello", "Body", null));
        long messageId = db.dsl()
                .select(org.jooq.impl.DSL.max(uk.encounters.marketplace.jooq.Tables.OUTBOX.ID))
                .from(uk.encounters.marketplace.jooq.Tables.OUTBOX)
                .fetchOne(0, Long.class);
        parameters.put(":hubId", String.valueOf(hubA));
        parameters.put(":schoolId", String.valueOf(schoolA));
        parameters.put(":employerId", String.valueOf(employerA));
        parameters.put(":messageId", String.valueOf(messageId));
        // an academic year by the calendar year it starts in (an employer's statement)
        parameters.put(":year", "2026");
        long offerA = data.offer(employerA, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        long volunteerA = data.volunteer(employerA);
        long requestA = data.request(schoolA, 9, RequestStatus.MATCHED, LocalDate.of(2026, 12, 1));
        parameters.put(":offerId", String.valueOf(offerA));
        parameters.put(
                ":requestId", String.valueOf(data.request(schoolA, 8, RequestStatus.OPEN, LocalDate.of(2027, 1, 11))));
        parameters.put(":volunteerId", String.valueOf(volunteerA));
        // hub A's volunteer of the year (a post without the button's confirmation keeps it)
        parameters.put(":namedId", String.valueOf(data.volunteerOfTheYear(hubA, volunteerA, 2026, "Came every week")));
        parameters.put(
                ":bookingId",
                String.valueOf(data.booking(
                        requestA, offerA, volunteerA, LocalDate.of(2026, 12, 2), BookingStatus.PUBLISHED)));
        // a file of employer A's placement paperwork
        uk.encounters.marketplace.testing.SamplePaperwork.declared(
                db.dsl(), employerA, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 6, 30), LocalDate.of(2026, 9, 1));
        parameters.put(
                ":documentId",
                String.valueOf(db.dsl()
                        .select(org.jooq.impl.DSL.max(uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT.ID))
                        .from(uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT)
                        .fetchOne(0, Long.class)));
        // a pupil of school A placed on work experience at employer A, whose paperwork that file is
        data.placed(schoolA, employerA, LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18), 1);
        parameters.put(
                ":placementId",
                String.valueOf(db.dsl()
                        .select(org.jooq.impl.DSL.max(uk.encounters.marketplace.jooq.Tables.PLACEMENT.ID))
                        .from(uk.encounters.marketplace.jooq.Tables.PLACEMENT)
                        .fetchOne(0, Long.class)));
        // an event school A posted for its Year 9
        parameters.put(
                ":eventId",
                String.valueOf(new uk.encounters.marketplace.event.EventRepository(db.dsl())
                        .postForSchool(
                                uk.encounters.marketplace.account.Actor.anonymous(null),
                                schoolA,
                                new uk.encounters.marketplace.event.EventDetails(
                                        uk.encounters.marketplace.event.EventKind.CAREERS_FAIR,
                                        "Year 9 careers fair",
                                        LocalDate.of(2027, 2, 2),
                                        uk.encounters.matcher.domain.Period.MORNING,
                                        null,
                                        null,
                                        false,
                                        null,
                                        null,
                                        List.of(new uk.encounters.marketplace.event.StallsWanted(null, 8))),
                                List.of(new uk.encounters.marketplace.event.YearGroupGoing(9, 120)))
                        .orElseThrow()));
        parameters.put(":token", "not-a-real-token");
        // a request to join: a POST without a decision answers with the form again, whatever the id
        parameters.put(":joinId", "1");
        // a pupil's answer whose words a careers leader approves or removes
        parameters.put(":commentId", "1");
        parameters.put(
                ":activityId",
                String.valueOf(new uk.encounters.marketplace.pupil.SchoolActivityRepository(db.dsl())
                        .record(
                                uk.encounters.marketplace.account.Actor.anonymous(null),
                                schoolA,
                                new uk.encounters.marketplace.pupil.SchoolActivityRepository.Details(
                                        uk.encounters.matcher.domain.EncounterType.CAREERS_TALK,
                                        "A parent",
                                        LocalDate.of(2026, 11, 2),
                                        9,
                                        null),
                                Map.of())));
        parameters.put(
                ":roundId",
                String.valueOf(new uk.encounters.marketplace.round.RoundRepository(db.dsl())
                        .create(
                                hubA,
                                uk.encounters.marketplace.calendar.Horizon.schoolWeeks(
                                        uk.encounters.marketplace.calendar.SchoolCalendar.ENGLAND,
                                        LocalDate.of(2026, 11, 30),
                                        6),
                                "weekly",
                                null)));

        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyRouteDeclaresAnAccessRule() {
        assertThat(routesWithoutARule(app.server().router())).isEmpty();
    }

    @Test
    void aRouteRegisteredWithoutARuleIsCaught() {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get("/schools/:schoolId/secret").handler(ctx -> ctx.end("pupil data"));

            assertThat(routesWithoutARule(router)).containsExactly("GET /schools/:schoolId/secret");
        } finally {
            vertx.close();
        }
    }

    @Test
    void routesUnderAProtectedPathCarryThatPathsRule() {
        List<String> wrong = new ArrayList<>();
        for (Route route : app.server().router().getRoutes()) {
            Access access = route.getMetadata(Routes.ACCESS);
            if (route.getPath() == null || access == null) {
                continue;
            }
            RULE_BY_PREFIX.forEach((prefix, kinds) -> {
                if (route.getPath().startsWith(prefix) && !kinds.contains(access.kind())) {
                    wrong.add(route.getPath() + " is " + access.kind() + ", should be one of " + kinds);
                }
            });
            // what an adviser may read must change nothing
            if (access.kind() == Access.Kind.SCHOOL_READ && !route.methods().equals(Set.of(HttpMethod.GET))) {
                wrong.add(route.getPath() + " lets advisers " + route.methods());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRoutesOfEmailedLinksAreTheListedOnesAndPublic() {
        Map<String, Access.Kind> linkRoutes = new LinkedHashMap<>();
        for (Route route : app.server().router().getRoutes()) {
            Access access = route.getMetadata(Routes.ACCESS);
            if (route.getPath() != null && access != null && route.getPath().contains(":token")) {
                linkRoutes.put(route.getPath(), access.kind());
            }
        }

        assertThat(linkRoutes.keySet()).containsExactlyInAnyOrderElementsOf(LINK_ROUTES);
        assertThat(linkRoutes.values()).containsOnly(Access.Kind.ANYONE);
    }

    @Test
    void anAdministratorWhoHasNotConfirmedTheSecondFactorCanDoNothingButConfirmIt() {
        List<String> wrong = new ArrayList<>();
        try (RunningApp guarded = RunningApp.start(
                db.database(), LocalDate.of(2026, 11, 23), Map.of("SECOND_FACTOR_ROLES", "admin,coordinator"))) {
            Visitor admin = new Visitor(guarded).signIn(emails.get(Person.ADMIN), PASSWORD);
            for (Route route : guarded.server().router().getRoutes()) {
                String pattern = route.getPath();
                if (pattern == null
                        || route.getMetadata(Routes.ACCESS) == null
                        || pattern.startsWith("/two-factor")
                        || pattern.equals("/sign-out")
                        || pattern.startsWith("/static")
                        || pattern.equals("/health")
                        || pattern.equals("/ready")) {
                    continue;
                }
                for (HttpMethod method : route.methods()) {
                    String path = concrete(pattern);
                    admin.get("/two-factor/setup");
                    HttpResponse<String> response =
                            method == HttpMethod.GET ? admin.get(path) : admin.post(path, Map.of());
                    boolean held = method == HttpMethod.GET
                            ? response.statusCode() == 302
                                    && response.headers()
                                            .firstValue("location")
                                            .orElse("")
                                            .equals("/two-factor")
                            : response.statusCode() == 403;
                    if (!held) {
                        wrong.add(method + " " + path + " answered " + response.statusCode());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRouteAnswersEachPersonAsItsRulePromises() {
        List<String> wrong = new ArrayList<>();
        for (Person person : Person.values()) {
            Visitor visitor = visitorFor(person);
            for (Route route : app.server().router().getRoutes()) {
                Access access = route.getMetadata(Routes.ACCESS);
                if (route.getPath() == null || access == null) {
                    continue;
                }
                for (HttpMethod method : route.methods()) {
                    String path = concrete(route.getPath());
                    // a page with a form, so the post below carries this session's CSRF token
                    visitor.get(person == Person.ANONYMOUS ? "/sign-in" : "/account");
                    HttpResponse<String> response =
                            method == HttpMethod.GET ? visitor.get(path) : visitor.post(path, Map.of());
                    boolean allowed = ALLOWED.get(access.kind()).contains(person);
                    String problem = judge(person, allowed, response);
                    if (problem != null) {
                        wrong.add(person + " " + method + " " + path + " (" + access.kind() + "): " + problem);
                    }
                    if ((path.equals("/sign-out") || path.equals("/sign-out-everywhere"))
                            && person != Person.ANONYMOUS) {
                        visitor = visitorFor(person);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String judge(Person person, boolean allowed, HttpResponse<String> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("location").orElse("");
        boolean toSignIn = (status == 302 || status == 303) && location.startsWith("/sign-in?next=");
        if (status >= 500) {
            return "server error " + status;
        }
        if (allowed) {
            return status == 403 || status == 404 || toSignIn ? "refused with " + status + " " + location : null;
        }
        if (person == Person.ANONYMOUS) {
            return toSignIn ? null : "expected a redirect to sign in, got " + status + " " + location;
        }
        return status == 403 ? null : "expected 403, got " + status + " " + location;
    }

    private static Visitor visitorFor(Person person) {
        // every person signs in again after each sign-out route, from one address: more than the
        // sign-in limit allows in 15 minutes, which this test is not about
        db.dsl().deleteFrom(uk.encounters.marketplace.jooq.Tables.RATE_LIMIT).execute();
        Visitor visitor = new Visitor(app);
        return person == Person.ANONYMOUS ? visitor : visitor.signIn(emails.get(person), PASSWORD);
    }

    private static String concrete(String path) {
        // Vert.x keeps "/static/*" as the prefix "/static/"
        String concrete = path.endsWith("/") && path.length() > 1 ? path + "site.css" : path;
        for (var p : parameters.entrySet()) {
            concrete = concrete.replace(p.getKey(), p.getValue());
        }
        return concrete;
    }

    static List<String> routesWithoutARule(Router router) {
        List<String> missing = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.getMetadata(Routes.ACCESS) == null) {
                String methods = route.methods() == null || route.methods().isEmpty()
                        ? "ANY"
                        : String.join(
                                ",",
                                route.methods().stream()
                                        .map(HttpMethod::name)
                                        .sorted()
                                        .toList());
                missing.add(methods + " " + route.getPath());
            }
        }
        return missing;
    }
}
