package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The hub's weights for the pupil-value rule: how much a pupil's first encounter of the year,
 * catching up and going beyond the target are worth, and how much more each priority group
 * counts. One rule ranks the pupils schools are offered and values the round's cohorts.
 */
public final class PupilValueRoutes {

    /** A weight's field on the page: its name, what it means, and its default. */
    record Weight(String name, String label, String hint, double max) {}

    static final List<Weight> WEIGHTS = List.of(
            new Weight(
                    "firstThisYear",
                    "A pupil's first encounter this school year",
                    "Benchmark 5: every pupil, every year",
                    PupilValueWeights.MAX),
            new Weight(
                    "catchUp",
                    "The next encounter towards the target to date",
                    "For a pupil who has one this year",
                    PupilValueWeights.MAX),
            new Weight(
                    "catchUpDecay",
                    "Share kept by each further catch-up encounter",
                    "0.5: each further one this year worth half the one before; 1: all worth the same",
                    1),
            new Weight(
                    "beyondTarget",
                    "Any further encounter once the target is met",
                    "Above zero, supply left over still reaches pupils",
                    PupilValueWeights.MAX),
            new Weight(
                    "disadvantaged",
                    "Extra share for a disadvantaged pupil",
                    "0.5: worth half as much again",
                    PupilValueWeights.MAX),
            new Weight(
                    "send",
                    "Extra share for a pupil with SEND",
                    "0.25: a quarter as much again",
                    PupilValueWeights.MAX),
            new Weight(
                    "eal",
                    "Extra share for a pupil with English as an additional language",
                    "0 switches it off",
                    PupilValueWeights.MAX),
            new Weight(
                    "workplaceDue",
                    "Added to a workplace experience where Benchmark 6 is due",
                    "Years 10-13 still owed one",
                    PupilValueWeights.MAX));

    public record PupilValuePage(long hubId, List<Field> fields) {}

    /** A weight's field as the page shows it: what was typed or saved, and what is wrong with it. */
    public record Field(String name, String label, String hint, String value, String error) {}

    private final PupilValueSettings settings;
    private final Blocking blocking;
    private final Templates templates;

    public PupilValueRoutes(PupilValueSettings settings, Blocking blocking, Templates templates) {
        this.settings = settings;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/pupil-value", this::showPupilValue);
        hub.post("/pupil-value", this::processPupilValue);
    }

    public void showPupilValue(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        PupilValueWeights weights = blocking.call(() -> settings.forHub(hubId));
        Map<String, String> values = new HashMap<>();
        weights.byName().forEach((name, weight) -> values.put(name, Form.plain(weight)));
        render(ctx, 200, hubId, Form.withValues(values));
    }

    public void processPupilValue(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Form form = Form.of(ctx);
        PupilValueWeights weights = form.checked("defaults") ? PupilValueWeights.DEFAULTS : read(form);
        if (form.hasErrors()) {
            render(ctx, 422, hubId, form);
            return;
        }
        Actor actor = CurrentUser.actor(ctx);
        blocking.call(() -> {
            settings.save(hubId, weights, actor.userId(), actor.ipAddress());
            return null;
        });
        Flash.set(
                ctx,
                weights.equals(PupilValueWeights.DEFAULTS)
                        ? "Saved: the hub uses the default weights."
                        : "Saved: the next round and every booking's suggested pupils use these weights.");
        ctx.redirect("/hubs/" + hubId + "/pupil-value");
    }

    private static PupilValueWeights read(Form form) {
        Map<String, Double> byName = new LinkedHashMap<>();
        for (Weight weight : WEIGHTS) {
            byName.put(weight.name(), form.decimal(weight.name(), weight.label(), 0, weight.max()));
        }
        return form.hasErrors() ? PupilValueWeights.DEFAULTS : PupilValueWeights.fromNames(byName);
    }

    private void render(RoutingContext ctx, int status, long hubId, Form form) {
        Map<?, ?> values = (Map<?, ?>) form.model().get("values");
        Map<?, ?> errors = (Map<?, ?>) form.model().get("fieldErrors");
        List<Field> fields = WEIGHTS.stream()
                .map(weight -> new Field(
                        weight.name(),
                        weight.label(),
                        weight.hint() + ". Default "
                                + Form.plain(PupilValueWeights.DEFAULTS.byName().get(weight.name())),
                        (String) values.get(weight.name()),
                        (String) errors.get(weight.name())))
                .toList();
        templates.render(ctx, status, "hub/pupil-value", "Who goes first", new PupilValuePage(hubId, fields), form);
    }
}
