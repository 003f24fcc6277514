package uk.encounters.web.directory;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.offer.OfferDirectory;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.school.SchoolRepository;
import uk.encounters.marketplace.school.SchoolRepository.School;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The provider directory: live offers in the hub, searched by type, sector, year group, distance
 * and date, nearest first. A careers leader searches from their school; a coordinator from any
 * school of the hub, or none. The search is a GET form, so a search can be bookmarked or shared.
 */
public final class DirectoryRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public DirectoryRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId, under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        Routes hub = routes.hub();
        school.get("/offers", this::showSchoolDirectory);
        hub.get("/offers", this::showHubDirectory);
    }

    /** A careers leader's search, measured from their own school. */
    public void showSchoolDirectory(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Optional<School> school = blocking.call(() -> new SchoolRepository(database.dsl()).findById(schoolId));
        if (school.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Form form = Form.ofQuery(ctx);
        OfferDirectory.Query query =
                readFilters(form, school.get().hubId(), school.get(), "maxKm", LocalDate.now(clock));
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "Find providers near " + school.get().name());
        model.put("action", "/schools/" + schoolId + "/offers");
        showDirectory(ctx, form, query, school.get(), model);
    }

    /** A coordinator's search across the hub, measured from the school they choose, if any. */
    public void showHubDirectory(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        var hubs = new HubRepository(database.dsl());
        var hub = blocking.call(() -> hubs.findById(hubId));
        if (hub.isEmpty()) {
            ctx.fail(404);
            return;
        }
        var schools = blocking.call(() -> hubs.findSchools(hubId));
        Form form = Form.ofQuery(ctx);
        String chosen = form.optionalChoice(
                "school",
                "The school",
                schools.stream().map(s -> String.valueOf(s.id())).toList());
        School origin = chosen == null || form.hasErrors()
                ? null
                : blocking.call(() -> new SchoolRepository(database.dsl()).findById(Long.parseLong(chosen)))
                        .orElse(null);
        OfferDirectory.Query query = readFilters(form, hubId, origin, "school", LocalDate.now(clock));
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "Find providers in " + hub.get().name());
        model.put("action", "/hubs/" + hubId + "/offers");
        model.put(
                "schools",
                SelectOptions.of(schools, s -> String.valueOf(s.id()), HubRepository.SchoolName::name, chosen));
        showDirectory(ctx, form, query, origin, model);
    }

    /**
     * The filters, each optional. A distance needs a school with a known place to measure from;
     * when there is none, the message goes beside {@code originField}, where it can be fixed.
     */
    private static OfferDirectory.Query readFilters(
            Form form, long hubId, School origin, String originField, LocalDate today) {
        String type = form.optionalChoice(
                "type",
                "The type of encounter",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        String sector = form.optionalChoice("sector", "The sector", Sectors.ALL);
        String year = form.optionalChoice("year", "The year group", SelectOptions.YEAR_GROUPS);
        Integer maxKm = form.optionalInteger("maxKm", "The distance", 1, 200);
        LocalDate date = form.optionalDate("date", "The date");
        if (maxKm != null && origin == null) {
            form.error(originField, "Choose the school to measure the distance from");
        } else if (maxKm != null && !origin.located()) {
            form.error(
                    originField, "We do not know where " + origin.name() + " is yet, so we cannot measure distances");
        }
        OfferDirectory.Query query = OfferDirectory.Query.inHub(hubId, today)
                .withType(type == null ? null : EncounterType.fromCode(type))
                .withSector(sector)
                .withYearGroup(year == null ? null : Integer.valueOf(year))
                .within(maxKm == null ? null : maxKm.doubleValue())
                .on(date);
        return origin != null && origin.located() ? query.from(origin.latitude(), origin.longitude()) : query;
    }

    private void showDirectory(
            RoutingContext ctx, Form form, OfferDirectory.Query query, School origin, Map<String, Object> model) {
        model.putAll(form.model());
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) model.get("values");
        model.put("types", SelectOptions.encounterTypes(values.get("type")));
        model.put("sectors", SelectOptions.sectors(values.get("sector")));
        model.put("years", SelectOptions.yearGroups(values.get("year")));
        if (form.hasErrors()) {
            // nothing is searched until the filters make sense, so no list can mislead
            templates.render(ctx, 422, "directory/offers", (String) model.get("heading"), model);
            return;
        }
        OfferDirectory.Results results = blocking.call(() -> new OfferDirectory(database.dsl()).search(query));
        model.put("listings", results.listings());
        model.put("measured", query.hasOrigin());
        model.put("summary", summary(results, query.hasOrigin() ? origin.name() : null));
        templates.render(ctx, "directory/offers", (String) model.get("heading"), model);
    }

    static String summary(OfferDirectory.Results results, String measuredFrom) {
        int count = results.listings().size();
        if (count == 0) {
            return "No offers match. Try fewer filters or a longer distance.";
        }
        String order = measuredFrom == null ? "by employer name" : "nearest to " + measuredFrom + " first";
        if (results.more()) {
            return "More than " + count + " offers match: showing " + count + ", " + order
                    + ". Add filters to narrow the list.";
        }
        return count + (count == 1 ? " offer" : " offers") + ", " + order;
    }
}
