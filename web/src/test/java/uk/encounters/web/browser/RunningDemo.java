package uk.encounters.web.browser;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.encounters.demo.DemoData;
import uk.encounters.demo.SharedData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.account.Links;
import uk.encounters.web.cli.DemoPlacements;
import uk.encounters.web.cli.DemoSignIns;

/**
 * The demo's Derby hub served as `encounters demo` serves it: loaded on {@code today}, its June
 * work-experience placements booked, with a fresh
 * sign-in link for each of its roles (the coordinator, a careers leader, an employer, the
 * administrator). Register it after its database, which must be ready first:
 * {@code @RegisterExtension @Order(1) static final TestDatabase db = ...;}
 * {@code @RegisterExtension @Order(2) static final RunningDemo demo = new RunningDemo(db, TODAY);}
 */
final class RunningDemo implements BeforeAllCallback, AfterAllCallback {

    private final TestDatabase db;
    private final LocalDate today;
    private RunningApp app;
    private List<DemoSignIns.SignInLink> signIns;

    RunningDemo(TestDatabase db, LocalDate today) {
        this.db = db;
        this.today = today;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DemoData.load(db.database(), "derby", 1, today, SharedData.locate());
        app = RunningApp.start(db.database(), today);
        DemoPlacements.add(db.database(), new Links(app.url("")), app.clock());
        signIns = new DemoSignIns(db.database(), new Links(app.url("")), app.clock()).issue();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
        }
    }

    RunningApp app() {
        return app;
    }

    /** The sign-in link of the demo's person in {@code role}, as `encounters demo` prints it. */
    String signInLink(String role) {
        return signIns.stream()
                .filter(s -> s.role().equals(role))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has nobody as " + role))
                .url();
    }
}
