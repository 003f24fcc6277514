package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Invitations;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** A coordinator's people: who works in the hub, and inviting the careers leaders of its schools. */
public final class HubPeopleRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Invitations invitations;

    public HubPeopleRoutes(Database database, Blocking blocking, Templates templates, Invitations invitations) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.invitations = invitations;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/people", this::showPeople);
        hub.post("/careers-leaders", this::processCareersLeaderForm);
    }

    public void showPeople(RoutingContext ctx) {
        showPeople(ctx, 200, Form.blank());
    }

    public void processCareersLeaderForm(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        var schools = blocking.call(() -> new HubRepository(database.dsl()).findSchools(hubId));
        Form form = Form.of(ctx);
        String school = form.choice(
                "school",
                "The school",
                schools.stream().map(s -> String.valueOf(s.id())).toList());
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        if (form.hasErrors()) {
            showPeople(ctx, 422, form);
            return;
        }
        long schoolId = Long.parseLong(school);
        String schoolName = schools.stream()
                .filter(s -> s.id() == schoolId)
                .findFirst()
                .orElseThrow()
                .name();
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        blocking.call(() -> database.dsl().transactionResult(c -> {
            invitations.invite(
                    c.dsl(), email, name, Scope.careersLeader(schoolId), "careers leader at " + schoolName, actor, ip);
            return null;
        }));
        Flash.set(ctx, name + " is now a careers leader at " + schoolName + ".");
        ctx.redirect("/hubs/" + hubId + "/people");
    }

    private void showPeople(RoutingContext ctx, int status, Form form) {
        long hubId = PathId.required(ctx, "hubId");
        var hubs = new HubRepository(database.dsl());
        var hub = blocking.call(() -> hubs.findById(hubId));
        if (hub.isEmpty()) {
            ctx.fail(404);
            return;
        }
        var schools = blocking.call(() -> hubs.findSchools(hubId));
        var people = blocking.call(() -> new AccountRepository(database.dsl()).findByHub(hubId));
        Map<Long, String> schoolNames = new HashMap<>();
        schools.forEach(s -> schoolNames.put(s.id(), s.name()));
        List<Map<String, Object>> rows = people.stream()
                .flatMap(p -> p.scopes().stream()
                        .filter(s -> (s.hubId() != null && s.hubId() == hubId) || schoolNames.containsKey(s.schoolId()))
                        .map(s -> Map.<String, Object>of(
                                "name",
                                p.displayName(),
                                "email",
                                p.email(),
                                "role",
                                s.role().label(),
                                "where",
                                s.schoolId() != null
                                        ? schoolNames.get(s.schoolId())
                                        : hub.get().name())))
                .toList();
        String chosen = (String) ((Map<?, ?>) form.model().get("values")).get("school");
        List<Map<String, Object>> options = schools.stream()
                .map(s -> Map.<String, Object>of(
                        "id",
                        s.id(),
                        "name",
                        s.name(),
                        "selected",
                        String.valueOf(s.id()).equals(chosen)))
                .toList();
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("hub", hub.get());
        model.put("people", rows);
        model.put("schools", options);
        templates.render(ctx, status, "hub/people", "People in " + hub.get().name(), model);
    }
}
