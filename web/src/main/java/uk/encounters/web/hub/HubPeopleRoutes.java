package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.hub.CareersLeaderInvitation;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.hub.HubRepository.SchoolName;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/** A coordinator's people: who works in the hub, and inviting the careers leaders of its schools. */
public final class HubPeopleRoutes {

    public record PeoplePage(Hub hub, List<Person> people, List<SchoolOption> schools) {}

    /** One person's role in the hub or at one of its schools. */
    public record Person(String name, String email, String role, String where) {}

    /** A school the invitation can be for, selected when it was chosen. */
    public record SchoolOption(long id, String name, boolean selected) {}

    private final HubRepository hubs;
    private final AccountRepository accounts;
    private final CareersLeaderInvitation invitation;
    private final Blocking blocking;
    private final Templates templates;
    private final PathEntity<Hub> hub;

    public HubPeopleRoutes(
            HubRepository hubs,
            AccountRepository accounts,
            CareersLeaderInvitation invitation,
            Blocking blocking,
            Templates templates,
            PathEntity<Hub> hub) {
        this.hubs = hubs;
        this.accounts = accounts;
        this.invitation = invitation;
        this.blocking = blocking;
        this.templates = templates;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub().loading(this.hub);
        hub.get("/people", this::showPeople);
        hub.post("/careers-leaders", this::processCareersLeaderForm);
    }

    public void showPeople(RoutingContext ctx) {
        showPeople(ctx, 200, Form.blank());
    }

    public void processCareersLeaderForm(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        Map<String, SchoolName> schools = blocking.call(() -> hubs.findSchools(hubId)).stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), Function.identity()));
        Form form = Form.of(ctx);
        String school = form.choice("school", "The school", List.copyOf(schools.keySet()));
        String name = form.required("name", "Their name", 200);
        String email = form.email("email", "Their email address");
        if (form.hasErrors()) {
            showPeople(ctx, 422, form);
            return;
        }
        SchoolName at = schools.get(school);
        blocking.call(() -> {
            invitation.invite(CurrentUser.actor(ctx), at, name, email);
            return null;
        });
        Flash.set(ctx, name + " is now a careers leader at " + at.name() + ".");
        ctx.redirect("/hubs/" + hubId + "/people");
    }

    private void showPeople(RoutingContext ctx, int status, Form form) {
        Hub shown = hub.of(ctx);
        List<SchoolName> schools = blocking.call(() -> hubs.findSchools(shown.id()));
        var people = blocking.call(() -> accounts.findByHub(shown.id()));
        Map<Long, String> schoolNames = schools.stream().collect(Collectors.toMap(SchoolName::id, SchoolName::name));
        List<Person> rows = people.stream()
                .flatMap(p -> p.scopes().stream()
                        .filter(s ->
                                (s.hubId() != null && s.hubId() == shown.id()) || schoolNames.containsKey(s.schoolId()))
                        .map(s -> new Person(
                                p.displayName(),
                                p.email(),
                                s.role().label(),
                                s.schoolId() != null ? schoolNames.get(s.schoolId()) : shown.name())))
                .toList();
        Object chosen = ((Map<?, ?>) form.model().get("values")).get("school");
        List<SchoolOption> options = schools.stream()
                .map(s -> new SchoolOption(
                        s.id(), s.name(), String.valueOf(s.id()).equals(chosen)))
                .toList();
        templates.render(
                ctx, status, "hub/people", "People in " + shown.name(), new PeoplePage(shown, rows, options), form);
    }
}
