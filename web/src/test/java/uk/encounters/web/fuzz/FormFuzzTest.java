package uk.encounters.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecretToken;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.security.Access;
import uk.encounters.web.security.Routes;

/**
 * Every POST route the app registers, posted {@code -Dfuzz.posts} times (default 30; the issue's
 * figure is 10,000) with generated bad input ({@link BadInput}, seeded: {@code -Dfuzz.seed}
 * repeats a run) by someone allowed to use it: an administrator, or a visitor for the public
 * forms and the emailed links. Each form starts from what its page shows (found by opening every
 * page, {@link HarvestedForm}), with real ids and live tokens.
 *
 * <p>Every answer must be a 4xx refusal, a form shown again (200) or a redirect after a change,
 * never a 5xx; no injected HTML may come back unescaped, in the answer or later on any page; and a
 * refused post (4xx) must have written nothing ({@link ChangeLog} says what may change anyway).
 * The app trusts X-Forwarded-For (TRUST_PROXY=true, as behind a proxy) and each post comes from
 * a new address, so the per-address rate limits answer 429 only where a per-account one applies.
 */
@Tag("fault")
@Tag("slow")
class FormFuzzTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final int POSTS = Integer.getInteger("fuzz.posts", 30);
    /** Fixed by default, so the build is repeatable; other seeds (-Dfuzz.seed=N) explore further. */
    static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    /**
     * {@code -Dfuzz.part=K/N} fuzzes every N-th form from the K-th (default 1/1, all), with the same
     * inputs as a whole run, so the 10,000-post run can be split over machines or sessions.
     */
    static final String PART = System.getProperty("fuzz.part", "1/1");
    /** {@code -Dfuzz.routes=REGEX} fuzzes only the routes it matches (default all), with the same inputs. */
    static final Pattern ROUTES = Pattern.compile(System.getProperty("fuzz.routes", ".*"));
    /** Bodies over the limit may be refused before they are read: the client then sees the connection close. */
    static final int BODY_LIMIT = 64 * 1024;

    /** Values a person would type, for fields a page shows empty, so that unspoiled fields pass their checks. */
    static final Map<String, String> TYPED = Map.ofEntries(
            Map.entry("email", "someone@fuzz-example.org"),
            Map.entry("name", "Fuzz Person"),
            Map.entry("contactName", "Fuzz Person"),
            Map.entry("organisation", "Fuzz Engineering Ltd"),
            Map.entry("postcode", "DE1 1AA"),
            Map.entry("password", "a long enough passphrase 42"),
            Map.entry("confirm", "a long enough passphrase 42"),
            Map.entry("passwordAgain", "a long enough passphrase 42"),
            Map.entry("reason", "Our speaker is ill"),
            Map.entry("amount", "100"),
            Map.entry("funder", "Careers Hub"),
            Map.entry("title", "A careers talk"),
            Map.entry("count", "5"),
            Map.entry("comment", "Went well"),
            Map.entry("area", "Derby"),
            Map.entry("yearGroup", "7"),
            Map.entry("disadvantagedCount", "0"));

    /** The fields of forms no page of the fixture shows (suggestions appear only for a session left unmatched). */
    static final Map<String, List<Map.Entry<String, String>>> UNSHOWN = Map.of(
            "/hubs/:hubId/rounds/:roundId/requests/:requestId/assign",
            List.of(Map.entry("offer", "1"), Map.entry("date", "2026-12-02"), Map.entry("period", "morning")));

    /** Per form, fields set over what its page shows: ids, a pasted CSV of the right shape, a real sign-in. */
    static final Map<String, Map<String, String>> FILLED = new LinkedHashMap<>();

    static RunningApp app;
    static ChangeLog changes;
    static RoundHub hub;
    static Map<String, List<String>> parameters = new LinkedHashMap<>();
    static Map<String, Supplier<String>> tokens = new LinkedHashMap<>();
    static final AtomicInteger people = new AtomicInteger();
    /** Links that work once: after a post that used one, the next post gets a new one. */
    static final java.util.Set<String> REFRESHED_TOKENS = java.util.Set.of(
            "/sign-in/link/:token",
            "/password-reset/:token",
            "/invitation/:token",
            "/organisations/:employerId/invitation/:token/accept",
            "/organisations/:employerId/invitation/:token/decline");

    /** A POST route and the form it is fuzzed from. */
    record Target(String route, Access.Kind access, HarvestedForm form) {}

    @BeforeAll
    static void aHubWithSomethingBehindEveryForm() throws Exception {
        TestData data = new TestData(db.dsl());
        hub = RoundHub.create(db.dsl(), "Fuzz Hub");
        try (RoundSolver solver = new RoundSolver(db.database(), RoundHub.CLOCK)) {
            RoundSolver.Start start = solver.start(hub.id(), null, RoundSolver.Options.weekly(1, Map.of()));
            parameters.put(
                    ":roundId",
                    List.of(String.valueOf(((RoundSolver.Running) start)
                            .outcome()
                            .get(60, TimeUnit.SECONDS)
                            .roundId())));
        }
        long volunteer = data.volunteer(hub.talkEmployer());
        long offer = data.offer(hub.talkEmployer(), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));
        long upcoming = data.booking(
                data.request(hub.northSchool(), 9, RequestStatus.MATCHED, LocalDate.of(2026, 11, 30)),
                offer,
                volunteer,
                LocalDate.of(2026, 12, 2),
                BookingStatus.PUBLISHED);
        long past = data.booking(
                data.request(hub.northSchool(), 9, RequestStatus.MATCHED, LocalDate.of(2026, 11, 2)),
                offer,
                volunteer,
                LocalDate.of(2026, 11, 16),
                BookingStatus.CONFIRMED);
        String replyToken = SecretToken.generate();
        data.replyLink(upcoming, replyToken);
        List<Long> pupils = db.dsl()
                .select(PUPIL.ID)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(hub.northSchool()))
                .limit(20)
                .fetch(PUPIL.ID);
        pupils.subList(0, 10).forEach(p -> data.choose(past, p));
        pupils.subList(10, 20).forEach(p -> data.choose(upcoming, p));

        app = RunningApp.start(db.database(), TODAY, Map.of("TRUST_PROXY", "true"));
        // an offer from the public form, waiting for its email's link
        FuzzVisitor sme = new FuzzVisitor(app, SEED);
        HarvestedForm offerForm =
                HarvestedForm.on(sme.get("/offer-a-talk").body()).getFirst();
        assertThat(sme.post("/offer-a-talk", BadInput.unspoiled(typed(offerForm), sme.csrfToken()))
                        .statusCode())
                .isLessThan(400);
        Matcher link = Pattern.compile("/offers/(\\d+)/confirm/([A-Za-z0-9_-]+)")
                .matcher(Mailbox.latestTo(app, TYPED.get("email")));
        assertThat(link.find()).isTrue();

        parameters.put(":hubId", List.of(String.valueOf(hub.id())));
        parameters.put(":schoolId", List.of(String.valueOf(hub.northSchool())));
        parameters.put(":employerId", List.of(String.valueOf(hub.talkEmployer())));
        parameters.put(":offerId", List.of(String.valueOf(offer), link.group(1)));
        parameters.put(":volunteerId", List.of(String.valueOf(volunteer)));
        parameters.put(":bookingId", List.of(String.valueOf(upcoming), String.valueOf(past)));
        parameters.put(
                ":requestId",
                List.of(
                        String.valueOf(hub.northTalks()),
                        String.valueOf(hub.southTalk()),
                        String.valueOf(hub.southInterviews())));
        parameters.put(
                ":messageId",
                List.of(String.valueOf(
                        db.dsl().select(OUTBOX.ID).from(OUTBOX).limit(1).fetchOne(OUTBOX.ID))));
        tokens.put("/sign-in/link/:token", () -> loginToken(LoginTokenRepository.Purpose.MAGIC_LINK));
        tokens.put("/password-reset/:token", () -> loginToken(LoginTokenRepository.Purpose.PASSWORD_RESET));
        tokens.put("/invitation/:token", () -> loginToken(LoginTokenRepository.Purpose.INVITATION));
        String offerToken = link.group(2);
        tokens.put("/offers/:offerId/confirm/:token", () -> offerToken);
        tokens.put("/bookings/:bookingId/reply/:token", () -> replyToken);
        for (String route : List.of("", "/accept", "/decline")) {
            tokens.put("/organisations/:employerId/invitation/:token" + route, FormFuzzTest::organisationInvitation);
        }

        String reference = db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.ID.eq(pupils.getFirst()))
                .fetchOne(PUPIL.REFERENCE);
        FILLED.put("/sign-in", Map.of("email", "admin-1@fuzz-example.org", "password", Accounts.PASSWORD));
        FILLED.put("/offer-a-talk", Map.of("hub", String.valueOf(hub.id())));
        FILLED.put("/employers/:employerId/offers/:offerId", Map.of("weekday", "2"));
        FILLED.put(
                "/hubs/:hubId/employers/merge",
                Map.of("from", String.valueOf(hub.secondEmployer()), "into", String.valueOf(hub.talkEmployer())));
        FILLED.put(
                "/employers/:employerId/import/volunteers",
                Map.of(
                        "action",
                        "save",
                        "csv",
                        "name,email,safeguarding_checked_until\nVal Fuzz,val@fuzz-example.org,2027-06-30\n"));
        FILLED.put(
                "/employers/:employerId/import/offers",
                Map.of(
                        "action",
                        "save",
                        "csv",
                        "type,year_from,year_to,pupils,from,until,weekdays\ncareers_talk,7,11,30,2026-12-01,2027-03-01,Tue\n"));
        FILLED.put("/schools/:schoolId/import/pupils", Map.of("action", "save", "csv", "reference,year_group\nF1,9\n"));
        FILLED.put(
                "/schools/:schoolId/import/log",
                Map.of(
                        "action",
                        "save",
                        "importReference",
                        reference,
                        "csv",
                        "date,type,provider,attended\n2026-10-01,careers_talk,Acme,yes\n"));

        changes = ChangeLog.install(db.dsl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyFormAnswersBadInputWithARefusalOrItsFormAndARefusalWritesNothing() {
        System.out.printf(
                "Form fuzzing: seed %d (-Dfuzz.seed=%d repeats it), %d posts per form, part %s, routes %s%n",
                SEED, SEED, POSTS, PART, ROUTES);
        String[] part = PART.split("/");
        int which = Integer.parseInt(part[0].strip());
        int parts = Integer.parseInt(part[1].strip());
        List<Target> targets = targets();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int posts = 0;
        int forms = 0;
        Map<Integer, Integer> allStatuses = new TreeMap<>();
        for (int i = 0; i < targets.size(); i++) {
            if (i % parts != which - 1
                    || !ROUTES.matcher(targets.get(i).route()).matches()) {
                continue;
            }
            forms++;
            Fuzzing fuzzing = new Fuzzing(app, db.dsl(), changes, targets.get(i), SEED + i, failures);
            fuzzing.run(POSTS);
            posts += POSTS;
            fuzzing.statuses().forEach((status, n) -> allStatuses.merge(status, n, Integer::sum));
        }
        List<String> stored = Fuzzing.pagesShowingMarkers(app, adminVisitor(), pagesToCheck());
        System.out.printf(
                "Form fuzzing: %d of %d forms, %d posts in %d s, statuses %s; %d failures%n",
                forms,
                targets.size(),
                posts,
                (System.nanoTime() - started) / 1_000_000_000,
                allStatuses,
                failures.size() + stored.size());
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(stored)
                .as("pages showing injected HTML unescaped, seed " + SEED)
                .isEmpty();
    }

    /** Every POST route with the richest form any page shows for it (or none: then only bad fields are sent). */
    private static List<Target> targets() {
        FuzzVisitor admin = adminVisitor();
        FuzzVisitor visitor = new FuzzVisitor(app, SEED);
        List<HarvestedForm> forms = new ArrayList<>();
        for (Route route : app.server().router().getRoutes()) {
            Access access = route.getMetadata(Routes.ACCESS);
            if (route.getPath() == null || access == null || !route.methods().contains(HttpMethod.GET)) {
                continue;
            }
            for (String path : concrete(route.getPath())) {
                forms.addAll(HarvestedForm.on(admin.get(path).body()));
                if (access.kind() == Access.Kind.ANYONE) {
                    forms.addAll(HarvestedForm.on(visitor.get(path).body()));
                }
            }
        }
        List<Target> targets = new ArrayList<>();
        for (Route route : app.server().router().getRoutes()) {
            Access access = route.getMetadata(Routes.ACCESS);
            if (route.getPath() == null || access == null || !route.methods().contains(HttpMethod.POST)) {
                continue;
            }
            Pattern pattern = Pattern.compile(route.getPath().replaceAll(":[A-Za-z]+", "[^/]+"));
            HarvestedForm form = forms.stream()
                    .filter(f -> pattern.matcher(f.path()).matches())
                    .max(Comparator.comparingInt(HarvestedForm::size))
                    .orElseGet(() -> {
                        System.out.println("Form fuzzing: no page shows a form for POST " + route.getPath()
                                + "; fuzzing it from " + UNSHOWN.getOrDefault(route.getPath(), List.of()));
                        return new HarvestedForm(
                                concrete(route.getPath()).getFirst(),
                                false,
                                UNSHOWN.getOrDefault(route.getPath(), List.of()),
                                List.of());
                    });
            targets.add(new Target(
                    route.getPath(),
                    access.kind(),
                    filled(typed(form), FILLED.getOrDefault(route.getPath(), Map.of()))));
        }
        return targets;
    }

    /** The form with what a person would type in its empty fields. */
    static HarvestedForm typed(HarvestedForm form) {
        List<Map.Entry<String, String>> fields = form.fields().stream()
                .map(f -> f.getValue().isEmpty() && TYPED.containsKey(f.getKey())
                        ? Map.entry(f.getKey(), TYPED.get(f.getKey()))
                        : f)
                .toList();
        return new HarvestedForm(form.action(), form.multipart(), fields, form.fileFields());
    }

    /** The form with these fields set: replaced where it has them, added where it does not. */
    static HarvestedForm filled(HarvestedForm form, Map<String, String> values) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        form.fields().stream().filter(f -> !values.containsKey(f.getKey())).forEach(fields::add);
        values.forEach((name, value) -> fields.add(Map.entry(name, value)));
        return new HarvestedForm(form.action(), form.multipart(), fields, form.fileFields());
    }

    /** The target's path again, with a fresh token where a successful post used its emailed link up. */
    static String refreshed(Target target) {
        if (!REFRESHED_TOKENS.contains(target.route())) {
            return target.form().action();
        }
        List<String> route = List.of(target.route().split("/"));
        String[] path = target.form().path().split("/");
        path[route.indexOf(":token")] = tokens.get(target.route()).get();
        return String.join("/", path)
                + target.form().action().substring(target.form().path().length());
    }

    /** An administrator, signed in afresh (each account may sign in only so often). */
    static FuzzVisitor adminVisitor() {
        String email = "admin-" + people.incrementAndGet() + "@fuzz-example.org";
        Accounts.create(db.dsl(), email, "Fuzz Admin", Scope.admin());
        FuzzVisitor admin = new FuzzVisitor(app, SEED + people.get());
        assertThat(admin.signIn(email, Accounts.PASSWORD)).isTrue();
        admin.get("/account"); // the page's CSRF token for the new session
        return admin;
    }

    private static String loginToken(LoginTokenRepository.Purpose purpose) {
        String email = "person-" + people.incrementAndGet() + "@fuzz-example.org";
        long user = Accounts.create(db.dsl(), email, "Fuzz Person", Scope.careersLeader(hub.northSchool()));
        return new LoginTokenRepository(db.dsl(), CLOCK).issue(user, purpose).token();
    }

    /** A fresh invitation to manage the fixture's employer (the one its paths name), for a new person. */
    private static String organisationInvitation() {
        String email = "person-" + people.incrementAndGet() + "@fuzz-example.org";
        long user = Accounts.create(db.dsl(), email, "Fuzz Person", Scope.careersLeader(hub.northSchool()));
        LoginTokenRepository links = new LoginTokenRepository(db.dsl(), CLOCK);
        return links.mint(links.issueOrganisationInvitation(user, hub.talkEmployer()))
                .orElseThrow()
                .token();
    }

    /** Every page, by each of its candidate ids and live tokens. */
    private static List<String> concrete(String route) {
        List<String> paths = new ArrayList<>();
        String withToken = route;
        for (var token : tokens.entrySet()) {
            if (route.startsWith(token.getKey())) {
                withToken = route.replace(":token", token.getValue().get());
            }
        }
        withToken = withToken.replace(":token", "not-a-real-token");
        paths.add(withToken.endsWith("/") ? withToken + "site.css" : withToken);
        for (var parameter : parameters.entrySet()) {
            List<String> expanded = new ArrayList<>();
            for (String path : paths) {
                if (path.contains(parameter.getKey())) {
                    // the offer id of a confirmation link is the pending offer's: the link's second candidate
                    List<String> values = route.startsWith("/offers/:offerId/confirm")
                                    && parameter.getKey().equals(":offerId")
                            ? parameter.getValue().subList(1, 2)
                            : parameter.getValue();
                    values.forEach(v -> expanded.add(path.replace(parameter.getKey(), v)));
                } else {
                    expanded.add(path);
                }
            }
            paths = expanded;
        }
        return paths;
    }

    private static List<String> pagesToCheck() {
        List<String> pages = new ArrayList<>();
        for (Route route : app.server().router().getRoutes()) {
            if (route.getPath() != null
                    && route.methods() != null
                    && route.methods().contains(HttpMethod.GET)
                    && route.getMetadata(Routes.ACCESS) != null) {
                pages.addAll(concrete(route.getPath()));
            }
        }
        pages.add("/admin/audit?page=1");
        return pages;
    }
}
