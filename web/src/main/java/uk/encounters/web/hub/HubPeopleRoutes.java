package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.account.SingleSignOn;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.hub.HubRepository.SchoolName;
import uk.encounters.marketplace.hub.SchoolInvitation;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * A coordinator's people: who works in the hub, and inviting the careers leaders and enterprise
 * advisers of its schools.
 */
public final class HubPeopleRoutes {

    /**
     * @param replyTo where replies to the hub's emails go, when the hub gave an address; else to its coordinators
     * @param ssoOffered whether anyone can sign in with an identity provider here (SSO_PROVIDERS)
     * @param ssoRequired whether the hub's coordinators must
     */
    public record PeoplePage(
            Hub hub,
            List<Person> people,
            List<SchoolOption> schools,
            List<SchoolOption> adviserSchools,
            String replyTo,
            boolean ssoOffered,
            boolean ssoRequired) {}

    /** One person's role in the hub or at one of its schools. */
    public record Person(String name, String email, String role, String where) {}

    /** A school the invitation can be for, selected when it was chosen. */
    public record SchoolOption(long id, String name, boolean selected) {}

    private final HubRepository hubs;
    private final AccountRepository accounts;
    private final SchoolInvitation invitation;
    private final SingleSignOn singleSignOn;
    private final boolean ssoOffered;
    private final Blocking blocking;
    private final Templates templates;
    private final PathEntity<Hub> hub;

    public HubPeopleRoutes(
            HubRepository hubs,
            AccountRepository accounts,
            SchoolInvitation invitation,
            SingleSignOn singleSignOn,
            boolean ssoOffered,
            Blocking blocking,
            Templates templates,
            PathEntity<Hub> hub) {
        this.hubs = hubs;
        this.accounts = accounts;
        this.invitation = invitation;
        this.singleSignOn = singleSignOn;
        this.ssoOffered = ssoOffered;
        this.blocking = blocking;
        this.templates = templates;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub().loading(this.hub);
        hub.get("/people", this::showPeople);
        hub.post("/careers-leaders", this::processCareersLeaderForm);
        hub.post("/enterprise-advisers", this::processEnterpriseAdviserForm);
        hub.post("/reply-to", this::processReplyToForm);
        if (ssoOffered) {
            hub.post("/single-sign-on", this::processSingleSignOnForm);
        }
    }

    /**
     * Whether the hub's coordinators must sign in with their organisation's account. Only where
     * single sign-on is offered (the route exists only then), so nobody is locked out by a setting
     * they cannot meet.
     */
    public void processSingleSignOnForm(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        boolean required = Form.of(ctx).checked("required");
        blocking.call(() -> {
            singleSignOn.require(CurrentUser.actor(ctx), hubId, required);
            return null;
        });
        Flash.set(
                ctx,
                required
                        ? "Coordinators of the hub now sign in with their organisation's account only."
                        : "Coordinators of the hub may sign in with a password or an emailed link again.");
        ctx.redirect("/hubs/" + hubId + "/people");
    }

    /** Where replies to the hub's emails go: one address (a shared mailbox), or blank for its coordinators. */
    public void processReplyToForm(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        Form form = Form.of(ctx);
        String given = form.text("replyTo", "The address replies go to", 320);
        String email = given.isBlank() ? null : form.email("replyTo", "The address replies go to");
        if (form.hasErrors()) {
            showPeople(ctx, 422, form);
            return;
        }
        blocking.call(() -> {
            hubs.changeReplyTo(CurrentUser.actor(ctx), hubId, email);
            return null;
        });
        Flash.set(
                ctx,
                email == null
                        ? "Replies to the hub's emails now go to its coordinators."
                        : "Replies to the hub's emails now go to " + email + ".");
        ctx.redirect("/hubs/" + hubId + "/people");
    }

    /** With the careers leader's school chosen when a link names it (?school=ID, from the round's publish check). */
    public void showPeople(RoutingContext ctx) {
        String school = ctx.queryParams().get("school");
        showPeople(ctx, 200, school == null ? Form.blank() : Form.withValues(Map.of("school", school)));
    }

    public void processCareersLeaderForm(RoutingContext ctx) {
        processInvitation(ctx, Role.CAREERS_LEADER, "school");
    }

    public void processEnterpriseAdviserForm(RoutingContext ctx) {
        processInvitation(ctx, Role.ENTERPRISE_ADVISER, "adviserSchool");
    }

    /** Each form names its own fields, so an error shows beside the form that was sent. */
    private void processInvitation(RoutingContext ctx, Role role, String schoolField) {
        long hubId = hub.of(ctx).id();
        Map<String, SchoolName> schools = blocking.call(() -> hubs.findSchools(hubId)).stream()
                .collect(Collectors.toMap(s -> String.valueOf(s.id()), Function.identity()));
        Form form = Form.of(ctx);
        String prefix = role == Role.CAREERS_LEADER ? "" : "adviser";
        String school = form.choice(schoolField, "The school", List.copyOf(schools.keySet()));
        String name = form.required(field(prefix, "name"), "Their name", 200);
        String email = form.email(field(prefix, "email"), "Their email address");
        if (form.hasErrors()) {
            showPeople(ctx, 422, form);
            return;
        }
        SchoolName at = schools.get(school);
        blocking.call(() -> {
            invitation.invite(CurrentUser.actor(ctx), at, role, name, email);
            return null;
        });
        Flash.set(
                ctx,
                name + (role == Role.CAREERS_LEADER ? " is now a careers leader at " : " is now enterprise adviser to ")
                        + at.name() + ".");
        ctx.redirect("/hubs/" + hubId + "/people");
    }

    /** "name", or "adviserName" for the second form. */
    private static String field(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
        templates.render(
                ctx,
                status,
                "hub/people",
                "People in " + shown.name(),
                new PeoplePage(
                        shown,
                        rows,
                        options(schools, form, "school"),
                        options(schools, form, "adviserSchool"),
                        blocking.call(() -> hubs.findReplyTo(shown.id())).orElse(null),
                        ssoOffered,
                        blocking.call(() -> singleSignOn.requiredBy(shown.id()))),
                form);
    }

    private static List<SchoolOption> options(List<SchoolName> schools, Form form, String field) {
        Object chosen = ((Map<?, ?>) form.model().get("values")).get(field);
        return schools.stream()
                .map(s -> new SchoolOption(
                        s.id(), s.name(), String.valueOf(s.id()).equals(chosen)))
                .toList();
    }
}
