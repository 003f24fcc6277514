package uk.encounters.web.fuzz;

import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Waiting;
import uk.encounters.web.security.Access;

/** One form posted over and over with bad input, each answer judged; what went wrong is added to {@code failures}. */
final class Fuzzing {

    /** Failures kept per form; the rest are counted. */
    private static final int EXAMPLES = 5;
    /** On the sign-out form every valid post signs out; sign in again only now and then (each sign-in costs Argon2). */
    private static final int SIGN_IN_AGAIN_AFTER = 100;

    private final RunningApp app;
    private final DSLContext dsl;
    private final ChangeLog changes;
    private final FormFuzzTest.Target target;
    private final BadInput input;
    private final long seed;
    private final List<String> failures;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private FuzzVisitor visitor;
    private String path;
    private int failed;
    private int signedInAt;
    private boolean signedOut;
    /** How far the change log was read. */
    private long mark;

    Fuzzing(
            RunningApp app,
            DSLContext dsl,
            ChangeLog changes,
            FormFuzzTest.Target target,
            long seed,
            List<String> failures) {
        this.app = app;
        this.dsl = dsl;
        this.changes = changes;
        this.target = target;
        this.seed = seed;
        this.input = new BadInput(seed);
        this.failures = failures;
        this.path = target.form().action();
    }

    void run(int posts) {
        long started = System.nanoTime();
        visitor = newVisitor();
        // the form as its page shows it: says whether the spoiled posts start from one that passes
        HttpResponse<String> first = visitor.post(path, BadInput.unspoiled(target.form(), visitor.csrfToken()));
        int unspoiled = first.statusCode();
        if (unspoiled == 422) {
            java.util.regex.Matcher error = java.util.regex.Pattern.compile(
                            "<li><a href=\"#([^\"]*)\">([^<]*)</a></li>")
                    .matcher(first.body());
            List<String> errors = new ArrayList<>();
            while (error.find()) {
                errors.add(error.group(1) + ": " + error.group(2));
            }
            System.out.println("  POST " + target.route() + ": the form as shown was refused: " + errors + " "
                    + target.form().fields());
        }
        finishBackgroundWork();
        path = FormFuzzTest.refreshed(target);
        mark = changes.mark();
        for (int i = 0; i < posts; i++) {
            if (signedOut && i - signedInAt >= SIGN_IN_AGAIN_AFTER) {
                visitor = newVisitor();
                mark = changes.mark();
                signedInAt = i;
                signedOut = false;
            }
            post(i);
        }
        System.out.printf(
                "  POST %-60s unspoiled %d, %6d posts %7d ms  %s%s%n",
                target.route(),
                unspoiled,
                posts,
                (System.nanoTime() - started) / 1_000_000,
                statuses,
                failed > 0 ? "  FAILED " + failed : "");
        if (failed > EXAMPLES) {
            failures.add("POST " + target.route() + ": " + (failed - EXAMPLES) + " more failures");
        }
    }

    Map<Integer, Integer> statuses() {
        return statuses;
    }

    private void post(int i) {
        BadInput.Post post = input.next(target.form(), visitor.csrfToken());
        HttpResponse<String> response;
        try {
            response = visitor.post(path, post);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IOException && post.body().length > FormFuzzTest.BODY_LIMIT) {
                count(413); // refused before it was read: the client sees the connection close
                requireNoChange(i, post, 413);
            } else {
                fail(i, post, "no answer: " + e.getCause());
            }
            return;
        }
        int status = response.statusCode();
        count(status);
        if (status >= 500
                || (status > 200 && status < 300)
                || status == 301
                || status == 307
                || status == 308
                || status < 200) {
            fail(i, post, "answered " + status + ": " + snippet(response.body()));
        }
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
            for (String marker : BadInput.MARKERS) {
                if (response.body().contains(marker)) {
                    fail(i, post, "shows " + marker + " unescaped");
                }
            }
        }
        if (status >= 400) {
            requireNoChange(i, post, status);
            if (status == 403
                    && post.attack() != BadInput.Attack.NO_CSRF
                    && post.attack() != BadInput.Attack.WRONG_CSRF) {
                visitor.get("/"); // a fresh CSRF token, in case the session's one was not kept
            }
        } else {
            finishBackgroundWork();
            if (status == 302 || status == 303) {
                path = FormFuzzTest.refreshed(target);
            }
            mark = changes.mark();
        }
        String location = response.headers().firstValue("location").orElse("");
        if (location.startsWith("/sign-in?next=") && target.access() != Access.Kind.ANYONE) {
            signedOut = true;
        }
    }

    private void requireNoChange(int i, BadInput.Post post, int status) {
        ChangeLog.Writes writes = changes.after(mark);
        mark = writes.mark();
        if (!writes.unexpectedOnRefusal().isEmpty()) {
            fail(i, post, "refused with " + status + " but wrote " + writes.unexpectedOnRefusal());
        }
    }

    /** A valid "run matching" starts a solve in the background: stop it (as the page's button does) before the next post. */
    private void finishBackgroundWork() {
        Waiting.awaitTrue("no round is solving, a minute after each was asked to stop", Duration.ofMinutes(1), () -> {
            dsl.update(MATCHING_ROUND)
                    .set(MATCHING_ROUND.STOP_REQUESTED_AT, OffsetDateTime.now())
                    .where(MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING))
                    .and(MATCHING_ROUND.STOP_REQUESTED_AT.isNull())
                    .execute();
            return !dsl.fetchExists(MATCHING_ROUND, MATCHING_ROUND.STATUS.eq(RoundStatus.SOLVING));
        });
    }

    private FuzzVisitor newVisitor() {
        if (target.access() != Access.Kind.ANYONE) {
            return FormFuzzTest.adminVisitor();
        }
        FuzzVisitor anonymous = new FuzzVisitor(app, seed);
        anonymous.get("/");
        return anonymous;
    }

    private void count(int status) {
        statuses.merge(status, 1, Integer::sum);
    }

    private void fail(int i, BadInput.Post post, String problem) {
        if (++failed <= EXAMPLES) {
            failures.add("POST " + path + " (" + target.route() + ") post #" + i + " of seed " + seed + ", "
                    + post.description() + ": " + problem + "\n    body: "
                    + snippet(new String(post.body(), StandardCharsets.UTF_8)));
        }
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    /** Pages that show injected HTML unescaped, after the fuzzing stored whatever it could. */
    static List<String> pagesShowingMarkers(RunningApp app, FuzzVisitor visitor, List<String> pages) {
        List<String> showing = new ArrayList<>();
        for (String page : pages) {
            HttpResponse<String> response = visitor.get(page);
            if (!response.headers().firstValue("content-type").orElse("").startsWith("text/html")) {
                continue;
            }
            for (String marker : BadInput.MARKERS) {
                if (response.body().contains(marker)) {
                    showing.add(page + " shows " + marker);
                }
            }
        }
        return showing;
    }
}
