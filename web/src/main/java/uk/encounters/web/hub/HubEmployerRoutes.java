package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerKind;
import uk.encounters.marketplace.employer.EmployerMerge;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.EmployerRepository.ElsewhereOrganisation;
import uk.encounters.marketplace.employer.EmployerRepository.LikelyDuplicate;
import uk.encounters.marketplace.employer.EmployerStanding;
import uk.encounters.marketplace.employer.EmployerSummary;
import uk.encounters.marketplace.employer.ExistingEmployer;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.employer.OrganisationJoinRepository.PendingJoin;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * A coordinator's organisations: the hub's employers, pairs that look like one organisation
 * entered twice, merging such a pair into the record that stays, and marking cornerstone
 * employers and agencies, and bringing in organisations other hubs work with.
 */
public final class HubEmployerRoutes {

    /** More than anyone reads down; the name filter finds the rest. */
    static final int MAX_ROWS = 200;
    /** A name search across hubs shows a few; a longer name narrows it. */
    static final int ELSEWHERE_ROWS = 20;

    public record EmployersPage(
            Hub hub,
            String q,
            List<EmployerSummary> employers,
            boolean cutShort,
            int maxRows,
            List<Duplicate> duplicates,
            List<PendingJoin> joins,
            String joinAction,
            List<SelectOptions.Option> fromOptions,
            List<SelectOptions.Option> intoOptions,
            String elsewhere,
            List<ElsewhereOrganisation> elsewhereFound) {}

    /** Two records that look like one organisation, and why. */
    public record Duplicate(Employer first, Employer second, String reason) {}

    private final EmployerRepository employers;
    private final OrganisationJoinRepository joins;
    private final EmployerMerge merge;
    private final EmployerStanding standing;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Hub> hub;

    public HubEmployerRoutes(
            EmployerRepository employers,
            OrganisationJoinRepository joins,
            EmployerMerge merge,
            EmployerStanding standing,
            Blocking blocking,
            Templates templates,
            Clock clock,
            PathEntity<Hub> hub) {
        this.employers = employers;
        this.joins = joins;
        this.merge = merge;
        this.standing = standing;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub().loading(this.hub);
        hub.get("/employers", this::showEmployers);
        hub.post("/employers/merge", this::processMergeForm);
        hub.post("/employers/cornerstone", this::processCornerstoneForm);
        hub.post("/employers/agency", this::processAgencyForm);
        hub.post("/employers/presence", this::processPresenceForm);
    }

    public void showEmployers(RoutingContext ctx) {
        showEmployers(ctx, 200, Form.blank());
    }

    /** Moves everything of one organisation onto another in one transaction, and says what moved. */
    public void processMergeForm(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        Map<Long, Employer> inHub = blocking.call(() -> employers.findByHub(hubId)).stream()
                .collect(Collectors.toMap(Employer::id, Function.identity()));
        Form form = Form.of(ctx);
        Employer from = organisation(form, "from", "The organisation to merge", inHub);
        Employer into = organisation(form, "into", "The organisation to keep", inHub);
        if (from != null && into != null && from.id() == into.id()) {
            form.error("into", "Choose another organisation to keep: an organisation cannot be merged into itself");
        }
        if (form.hasErrors()) {
            showEmployers(ctx, 422, form);
            return;
        }
        EmployerMerge.Moved moved;
        try {
            moved = blocking.call(() -> merge.merge(CurrentUser.actor(ctx), from.id(), into.id()));
        } catch (EmployerMerge.Refused e) {
            // merged meanwhile by someone else, or a volunteer booked twice at once: nothing was saved
            form.error("from", e.getMessage());
            showEmployers(ctx, 422, form);
            return;
        }
        Flash.set(ctx, describe(from.name(), into.name(), moved));
        ctx.redirect("/hubs/" + hubId + "/employers");
    }

    /** Marks or unmarks a cornerstone employer; reversible, so asked once. */
    public void processCornerstoneForm(RoutingContext ctx) {
        processMark(ctx, (actor, employer, mark) -> {
            standing.setCornerstone(actor, employer.id(), hub.of(ctx).id(), mark);
            return employer.name()
                    + (mark ? " is now a cornerstone employer." : " is no longer a cornerstone employer.");
        });
    }

    /** Records that an organisation is an agency that brokers for employers, or no longer is. */
    public void processAgencyForm(RoutingContext ctx) {
        processMark(ctx, (actor, employer, mark) -> {
            standing.setKind(actor, employer.id(), mark ? EmployerKind.AGENCY : EmployerKind.EMPLOYER);
            return employer.name() + (mark ? " is now recorded as an agency." : " is now recorded as an employer.");
        });
    }

    /**
     * Brings in an organisation another hub works with (a cornerstone working across hubs): one
     * organisation, its contacts and volunteers shared, this hub's cornerstone mark and caps its own.
     */
    public void processPresenceForm(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        Form form = Form.of(ctx);
        String value = form.text("employer", "The organisation", 20);
        Optional<Employer> found = value.matches("\\d{1,18}")
                ? blocking.call(() -> employers.findById(Long.parseLong(value)))
                : Optional.empty();
        if (found.isEmpty() || found.get().merged()) {
            form.error("employer", "That organisation is not registered, or has been merged into another");
        } else if (found.get().presentIn(hubId)) {
            form.error("employer", found.get().name() + " already works with this hub");
        }
        if (form.hasErrors()) {
            showEmployers(ctx, 422, form);
            return;
        }
        Employer adding = found.get();
        blocking.call(() -> standing.addToHub(CurrentUser.actor(ctx), adding.id(), hubId));
        Flash.set(
                ctx,
                adding.name() + " now works with this hub too. Mark it as a cornerstone below if it is one here;"
                        + " its offers for your schools are made to this hub from its own page.");
        ctx.redirect("/hubs/" + hubId + "/employers?q="
                + java.net.URLEncoder.encode(adding.name(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A reversible mark on one of the hub's organisations; answers the flash message. */
    private interface Mark {
        String set(Actor actor, Employer employer, boolean mark);
    }

    private void processMark(RoutingContext ctx, Mark change) {
        long hubId = hub.of(ctx).id();
        Map<Long, Employer> inHub = blocking.call(() -> employers.findByHub(hubId)).stream()
                .collect(Collectors.toMap(Employer::id, Function.identity()));
        Form form = Form.of(ctx);
        Employer employer = organisation(form, "employer", "The organisation", inHub);
        String mark = form.choice("mark", "Mark or unmark", List.of("yes", "no"));
        if (form.hasErrors()) {
            showEmployers(ctx, 422, form);
            return;
        }
        Actor actor = CurrentUser.actor(ctx);
        Flash.set(ctx, blocking.call(() -> change.set(actor, employer, mark.equals("yes"))));
        ctx.redirect("/hubs/" + hubId + "/employers");
    }

    /** One of the hub's organisations, not merged away, chosen by id; null with a message otherwise. */
    private static Employer organisation(Form form, String field, String label, Map<Long, Employer> inHub) {
        String value = form.text(field, label, 20);
        if (value.isEmpty()) {
            form.error(field, "Select " + label.toLowerCase());
            return null;
        }
        Employer employer = value.matches("\\d{1,18}") ? inHub.get(Long.parseLong(value)) : null;
        if (employer == null) {
            form.error(field, "That organisation is not in this hub, or has already been merged into another");
        }
        return employer;
    }

    private void showEmployers(RoutingContext ctx, int status, Form form) {
        Hub shown = hub.of(ctx);
        String filter =
                Objects.requireNonNullElse(ctx.request().getParam("q"), "").strip();
        String nameContains = filter.length() > 100 ? filter.substring(0, 100) : filter;
        LocalDate today = LocalDate.now(clock);
        // one more than is shown says whether the list was cut short
        List<EmployerSummary> rows =
                blocking.call(() -> employers.findSummaries(shown.id(), nameContains, today, MAX_ROWS + 1));
        List<LikelyDuplicate> duplicates = blocking.call(() -> employers.findLikelyDuplicates(shown.id()));
        List<Employer> all = blocking.call(() -> employers.findByHub(shown.id()));
        List<PendingJoin> pending = blocking.call(() -> joins.pendingInHub(shown.id()));
        String elsewhere = Objects.requireNonNullElse(ctx.request().getParam("elsewhere"), "")
                .strip();
        String elsewhereName = elsewhere.length() > 100 ? elsewhere.substring(0, 100) : elsewhere;
        List<ElsewhereOrganisation> elsewhereFound =
                blocking.call(() -> employers.findElsewhere(shown.id(), elsewhereName, ELSEWHERE_ROWS));
        Map<?, ?> values = (Map<?, ?>) form.model().get("values");
        EmployersPage page = new EmployersPage(
                shown,
                filter,
                rows.subList(0, Math.min(rows.size(), MAX_ROWS)),
                rows.size() > MAX_ROWS,
                MAX_ROWS,
                duplicates.stream().map(HubEmployerRoutes::pair).toList(),
                pending,
                "/hubs/" + shown.id() + "/joins",
                options(all, values.get("from")),
                options(all, values.get("into")),
                elsewhere,
                elsewhereFound);
        templates.render(ctx, status, "hub/employers", "Organisations in " + shown.name(), page, form);
    }

    private static Duplicate pair(LikelyDuplicate pair) {
        String why = inWords(pair.reason());
        if (pair.reason() == ExistingEmployer.Reason.SAME_EMAIL_DOMAIN) {
            why += " (" + pair.first().emailDomain() + ")";
        }
        return new Duplicate(pair.first(), pair.second(), why);
    }

    static String inWords(ExistingEmployer.Reason reason) {
        return switch (reason) {
            case SAME_EMAIL_DOMAIN -> "same email domain";
            case SAME_NAME_AND_POSTCODE -> "same name at the same postcode";
            case SIMILAR_NAME_NEARBY -> "similar name in the same postcode district";
        };
    }

    private static List<SelectOptions.Option> options(List<Employer> employers, Object selected) {
        return SelectOptions.of(
                employers,
                e -> String.valueOf(e.id()),
                e -> e.postcode() == null ? e.name() : e.name() + ", " + e.postcode(),
                String.valueOf(selected));
    }

    /** "Merged A into B: 3 offers, 2 volunteers, 1 booking and 1 person moved." */
    static String describe(String fromName, String intoName, EmployerMerge.Moved moved) {
        List<String> parts = new ArrayList<>(List.of(
                count(moved.offers(), "offer", "offers"),
                count(moved.volunteers(), "volunteer", "volunteers"),
                count(moved.bookings(), "booking", "bookings"),
                count(moved.people(), "person", "people")));
        if (moved.requests() > 0) {
            parts.add(count(moved.requests(), "school's preference", "schools' preferences"));
        }
        String last = parts.removeLast();
        String message = "Merged " + fromName + " into " + intoName + ": " + String.join(", ", parts) + " and " + last
                + " moved.";
        if (moved.volunteersFolded() > 0) {
            message += " " + count(moved.volunteersFolded(), "volunteer was", "volunteers were")
                    + " on both records and now appear" + (moved.volunteersFolded() == 1 ? "s" : "") + " once.";
        }
        return message;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
