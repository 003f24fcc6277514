package uk.encounters.web.directory;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.offer.Listing;
import uk.encounters.marketplace.offer.OfferDirectory;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.school.SchoolRepository;
import uk.encounters.marketplace.school.SchoolRepository.School;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The provider directory: live offers in the hub, searched by type, sector, year group, distance
 * and date, nearest first. A careers leader searches from their school; a coordinator from any
 * school of the hub, or none. The search is a GET form, so a search can be bookmarked or shared.
 */
public final class DirectoryRoutes {

    /**
     * The search form and, once its filters make sense, what it found.
     *
     * @param schools a coordinator's choice of school to measure from; null on a school's own search
     * @param listings null until searched
     */
    public record DirectoryPage(
            String heading,
            String action,
            List<SelectOptions.Option> schools,
            List<SelectOptions.Option> types,
            List<SelectOptions.Option> sectors,
            List<SelectOptions.Option> years,
            List<Listing> listings,
            boolean measured,
            String summary) {}

    private final HubRepository hubs;
    private final SchoolRepository schools;
    private final OfferDirectory directory;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<School> school;
    private final PathEntity<HubRepository.Hub> hub;

    public DirectoryRoutes(
            HubRepository hubs,
            SchoolRepository schools,
            OfferDirectory directory,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.hubs = hubs;
        this.schools = schools;
        this.directory = directory;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        // a school that left its hub has no hub's offers to search
        this.school = new PathEntity<>(
                "school",
                blocking,
                ctx -> schools.findById(PathId.required(ctx, "schoolId")).filter(s -> s.hubId() != null));
        this.hub = new PathEntity<>("hub", blocking, ctx -> hubs.findById(PathId.required(ctx, "hubId")));
    }

    /** Its routes (under /schools/:schoolId, under /hubs/:hubId). */
    public void mount(Routes routes) {
        routes.school().loading(school).get("/offers", this::showSchoolDirectory);
        routes.hub().loading(hub).get("/offers", this::showHubDirectory);
    }

    /** A careers leader's search, measured from their own school. */
    public void showSchoolDirectory(RoutingContext ctx) {
        School from = school.of(ctx);
        Form form = Form.ofQuery(ctx);
        OfferDirectory.Query query = readFilters(form, from.hubId(), from, "maxKm", LocalDate.now(clock));
        showDirectory(
                ctx,
                form,
                query,
                from,
                "Find providers near " + from.name(),
                "/schools/" + from.id() + "/offers",
                null);
    }

    /** A coordinator's search across the hub, measured from the school they choose, if any. */
    public void showHubDirectory(RoutingContext ctx) {
        HubRepository.Hub searched = hub.of(ctx);
        List<HubRepository.SchoolName> hubSchools = blocking.call(() -> hubs.findSchools(searched.id()));
        Form form = Form.ofQuery(ctx);
        String chosen = form.optionalChoice(
                "school",
                "The school",
                hubSchools.stream().map(s -> String.valueOf(s.id())).toList());
        School origin = chosen == null || form.hasErrors()
                ? null
                : blocking.call(() -> schools.findById(Long.parseLong(chosen))).orElse(null);
        OfferDirectory.Query query = readFilters(form, searched.id(), origin, "school", LocalDate.now(clock));
        showDirectory(
                ctx,
                form,
                query,
                origin,
                "Find providers in " + searched.name(),
                "/hubs/" + searched.id() + "/offers",
                SelectOptions.of(hubSchools, s -> String.valueOf(s.id()), HubRepository.SchoolName::name, chosen));
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

    /** @param schoolChoices the schools to measure from, on a coordinator's search; null on a school's */
    private void showDirectory(
            RoutingContext ctx,
            Form form,
            OfferDirectory.Query query,
            School origin,
            String heading,
            String action,
            List<SelectOptions.Option> schoolChoices) {
        var types = SelectOptions.encounterTypes(form.value("type"));
        var sectors = SelectOptions.sectors(form.value("sector"));
        var years = SelectOptions.yearGroups(form.value("year"));
        if (form.hasErrors()) {
            // nothing is searched until the filters make sense, so no list can mislead
            DirectoryPage page =
                    new DirectoryPage(heading, action, schoolChoices, types, sectors, years, null, false, null);
            templates.render(ctx, 422, "directory/offers", heading, page, form);
            return;
        }
        OfferDirectory.Results results = blocking.call(() -> directory.search(query));
        DirectoryPage page = new DirectoryPage(
                heading,
                action,
                schoolChoices,
                types,
                sectors,
                years,
                results.listings(),
                query.hasOrigin(),
                summary(results, query.hasOrigin() ? origin.name() : null));
        templates.render(ctx, 200, "directory/offers", heading, page, form);
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
