package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.register.Eligibility;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.register.EstablishmentRegister.Found;
import uk.encounters.marketplace.school.HubSchools;
import uk.encounters.marketplace.school.HubSchools.Added;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A hub's schools and colleges: the coordinator finds them in the national register by URN, name
 * or postcode, adds them, and removes one that left (its history stays with it).
 */
public final class HubSchoolRoutes {

    public record SchoolsPage(
            Hub hub,
            List<HubSchools.Member> schools,
            boolean registerLoaded,
            String query,
            boolean searched,
            List<FoundRow> found,
            boolean moreFound,
            List<HubSchools.Leaver> leavers) {}

    /**
     * An establishment found in the register, and what the coordinator can do with it: add it (as
     * {@code addsAs}), or read why not.
     */
    public record FoundRow(Found establishment, boolean here, String otherHub, String refusal, String addsAs) {}

    /** The confirmation before a school leaves the hub. */
    public record RemovePage(Hub hub, HubSchools.Leaving school) {}

    private static final int QUERY_LENGTH = 100;

    private final HubSchools schools;
    private final EstablishmentRegister register;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Hub> hub;

    public HubSchoolRoutes(
            HubSchools schools,
            EstablishmentRegister register,
            Blocking blocking,
            Templates templates,
            Clock clock,
            PathEntity<Hub> hub) {
        this.schools = schools;
        this.register = register;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub().loading(this.hub);
        hub.get("/schools", this::showSchools);
        hub.post("/schools", this::processAddSchool);
        hub.get("/schools/:schoolId/remove", this::showRemoveSchool);
        hub.post("/schools/:schoolId/remove", this::processRemoveSchool);
    }

    public void showSchools(RoutingContext ctx) {
        Form form = Form.ofQuery(ctx);
        String query = ctx.request().getParam("q") == null ? "" : form.text("q", "Search", QUERY_LENGTH);
        showSchools(ctx, form.hasErrors() ? 422 : 200, form, form.hasErrors() ? "" : query);
    }

    public void processAddSchool(RoutingContext ctx) {
        Hub to = hub.of(ctx);
        Form form = Form.of(ctx);
        Integer urn = form.optionalInteger("urn", "The URN", 1, 9_999_999);
        String query = form.text("q", "Search", QUERY_LENGTH);
        if (urn == null && !form.hasErrors()) {
            form.error("urn", "Choose a school or college to add");
        }
        if (form.hasErrors()) {
            showSchools(ctx, 422, form, query);
            return;
        }
        Added added = blocking.call(() -> schools.add(CurrentUser.actor(ctx), to.id(), urn));
        String problem = switch (added) {
            case Added.Done done -> {
                Flash.set(
                        ctx,
                        done.name() + " is now one of " + to.name() + "'s schools. Invite its careers leader"
                                + " from the hub's people page.");
                yield null;
            }
            case Added.AlreadyHere here -> here.name() + " is already one of " + to.name() + "'s schools";
            case Added.InAnotherHub other ->
                other.name() + " is in " + other.hubName() + ": that hub's coordinator must remove it first";
            case Added.Refused refused -> refused.name() + " cannot be added. " + refused.reason();
            case Added.NotInRegister none -> "No establishment has the URN " + urn + " in the register";
        };
        if (problem != null) {
            form.error("urn", problem);
            showSchools(ctx, 422, form, query);
            return;
        }
        ctx.redirect("/hubs/" + to.id() + "/schools");
    }

    public void showRemoveSchool(RoutingContext ctx) {
        Hub from = hub.of(ctx);
        Optional<HubSchools.Leaving> leaving = leaving(ctx, from);
        if (leaving.isEmpty()) {
            ctx.fail(404);
            return;
        }
        showRemove(ctx, 200, from, leaving.get(), Form.blank());
    }

    public void processRemoveSchool(RoutingContext ctx) {
        Hub from = hub.of(ctx);
        Optional<HubSchools.Leaving> leaving = leaving(ctx, from);
        if (leaving.isEmpty()) {
            ctx.fail(404);
            return;
        }
        HubSchools.Leaving school = leaving.get();
        // the button says what it does; a post without it is not a decision
        if (!"remove".equals(ctx.request().getFormAttribute("confirm"))) {
            Form form = Form.blank();
            form.error("confirm", "Use the button to remove " + school.name());
            showRemove(ctx, 422, from, school, form);
            return;
        }
        Optional<HubSchools.Blocked> blocked = blocking.call(
                () -> schools.remove(CurrentUser.actor(ctx), from.id(), school.schoolId(), LocalDate.now(clock)));
        if (blocked.isPresent()) {
            Form form = Form.blank();
            form.error(
                    "confirm",
                    blocked.get() == HubSchools.Blocked.ROUND_OPEN
                            ? "A matching round is open and may hold this school's requests: publish or discard it first"
                            : school.name() + " is no longer one of the hub's schools");
            showRemove(ctx, 409, from, school, form);
            return;
        }
        Flash.set(ctx, school.name() + " has left " + from.name() + ". Its records are kept.");
        ctx.redirect("/hubs/" + from.id() + "/schools");
    }

    private void showRemove(RoutingContext ctx, int status, Hub from, HubSchools.Leaving school, Form form) {
        templates.render(
                ctx, status, "hub/school-remove", "Remove " + school.name(), new RemovePage(from, school), form);
    }

    private Optional<HubSchools.Leaving> leaving(RoutingContext ctx, Hub from) {
        Optional<Long> schoolId = PathId.parse(ctx.pathParam("schoolId"));
        return schoolId.flatMap(id -> blocking.call(() -> schools.leaving(from.id(), id, LocalDate.now(clock))));
    }

    private void showSchools(RoutingContext ctx, int status, Form form, String query) {
        Hub shown = hub.of(ctx);
        List<HubSchools.Member> members = blocking.call(() -> schools.members(shown.id()));
        List<HubSchools.Leaver> leavers = blocking.call(() -> schools.leavers(shown.id()));
        boolean loaded = !blocking.call(register::empty);
        List<Found> found = query.isBlank() ? List.of() : blocking.call(() -> register.search(query));
        List<FoundRow> rows = found.stream().map(f -> row(f, shown.id())).toList();
        templates.render(
                ctx,
                status,
                "hub/schools",
                "Schools and colleges in " + shown.name(),
                new SchoolsPage(
                        shown,
                        members,
                        loaded,
                        query,
                        !query.isBlank(),
                        rows,
                        found.size() >= EstablishmentRegister.MAX_FOUND,
                        leavers),
                form);
    }

    private static FoundRow row(Found found, long hubId) {
        String refusal = found.eligibility() instanceof Eligibility.Refused refused ? refused.reason() : null;
        String addsAs = found.eligibility() instanceof Eligibility.Addable addable
                ? addable.phase().label()
                : null;
        return new FoundRow(
                found, found.inHub(hubId), found.inAnotherHub(hubId) ? found.hubName() : null, refusal, addsAs);
    }
}
